import type { PropKept, PropTaken, SwapReport } from "@weft/protocol/channel";
import type { Control } from "../controls/control.ts";
import type { Stopped } from "./generation.ts";

export type { PropKept, PropTaken, SwapReport };

export const REPORT_LIST_LIMIT = 50;

export function createReport(id: number, files: string[]): SwapReport {
  return {
    id,
    at: 0,
    files,
    ms: 0,
    outcome: "swapped",
    sessions: { kept: 0, restarted: 0 },
    probed: 0,
    restarts: [],
    handlersRebound: 0,
    propsTaken: [],
    propsKept: [],
    fieldsKept: [],
    handlersKept: [],
    added: 0,
    removed: 0,
    runtimeKept: 0,
    classes: [],
    components: [],
    reset: [],
    stopped: { timers: 0, tasks: 0, subscriptions: 0 },
    warnings: [],
  };
}

/** How a control is named in reports: `Button#12 "inc"` (class, id, key). */
export function describeControl(control: Control): string {
  const key = control._p.key;
  return `${control._typeName()}#${control.id}${key !== undefined ? ` "${String(key)}"` : ""}`;
}

/** Like `describeControl` but the same in every session (no id), to count one change once. */
export function describeKind(control: Control): string {
  const key = control._p.key;
  return `${control._typeName()}${key !== undefined ? ` "${String(key)}"` : ""}`;
}

export function notePropTaken(report: SwapReport, control: Control, prop: string, from: unknown, to: unknown): void {
  const kind = describeKind(control);
  const existing = report.propsTaken.find((p) => p.control === kind && p.prop === prop && sameJson(p.to, to));
  if (existing) existing.sessions++;
  else if (report.propsTaken.length < REPORT_LIST_LIMIT) report.propsTaken.push({ control: kind, prop, from, to, sessions: 1 });
}

export function notePropKept(report: SwapReport, control: Control, prop: string, kept: unknown, source: unknown): void {
  const kind = describeKind(control);
  const existing = report.propsKept.find((p) => p.control === kind && p.prop === prop);
  if (existing) existing.sessions++;
  else if (report.propsKept.length < REPORT_LIST_LIMIT) report.propsKept.push({ control: kind, prop, kept, source, sessions: 1 });
}

/** Adds what a generation had running when the swap ended it. */
export function noteStopped(report: SwapReport, stopped: Stopped): void {
  report.stopped.timers += stopped.timers;
  report.stopped.tasks += stopped.tasks;
  report.stopped.subscriptions += stopped.subscriptions;
}

export function noteOnce<T>(list: T[], item: T, same: (a: T, b: T) => boolean): void {
  if (list.length < REPORT_LIST_LIMIT && !list.some((x) => same(x, item))) list.push(item);
}

function sameJson(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return a === b;
  }
}

/** The one line a swap prints: files, time, sessions, and the gist. */
export function summarizeReport(report: SwapReport): string {
  const files = report.files.length === 0 ? "code" : report.files.length <= 3 ? report.files.join(", ") : `${report.files.length} files`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts: string[] = [];
  if (report.outcome === "restarted") {
    parts.push(`hot-restarted ${files} in ${Math.round(report.ms)} ms`);
    parts.push(`${plural(report.sessions.restarted, "session")} restarted (${report.restarts[0]?.reason ?? "unsafe to swap"})`);
  } else {
    parts.push(`swapped ${files} in ${Math.round(report.ms)} ms`);
    parts.push(`${plural(report.sessions.kept, "session")} kept`);
    if (report.sessions.restarted > 0) parts.push(`${plural(report.sessions.restarted, "session")} restarted (${report.restarts[0]?.reason})`);
    if (report.handlersRebound > 0) parts.push(`${plural(report.handlersRebound, "handler")} rebound`);
    const taken = report.propsTaken.reduce((n, p) => n + p.sessions, 0);
    if (taken > 0) parts.push(`${plural(taken, "prop")} taken`);
    if (report.added + report.removed > 0) parts.push(`${report.added} added, ${report.removed} removed`);
    if (report.reset.length > 0) parts.push(`${plural(report.reset.length, "reset")}`);
  }
  return `weft: ${parts.join(" · ")}`;
}
