import { isAbsolute, join } from "node:path";
import * as vscode from "vscode";
import type { SwapReport } from "@weft/protocol/channel";
import type { ConnectionManager } from "../connection/connectionManager.ts";
import type { BuildError } from "@weft/devtools-client";

type SwapItem =
  | { kind: "error"; error: BuildError }
  | { kind: "report"; report: SwapReport }
  | { kind: "detail"; label: string; description?: string; icon?: string };

/**
 * The Swaps view: the current build error first (a save the devserver could not take; the old
 * code keeps serving), then the recent hot-swap reports, newest first, each opening onto what
 * it kept, took and reset.
 */
export class SwapsProvider implements vscode.TreeDataProvider<SwapItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly connection: ConnectionManager) {
    this.disposables.push({ dispose: connection.model.swaps.subscribe(() => this.changed.fire()) });
  }

  getTreeItem(element: SwapItem): vscode.TreeItem {
    switch (element.kind) {
      case "error": {
        const { error } = element.error;
        const item = new vscode.TreeItem(`Build error: ${error.message.split("\n")[0]}`);
        item.iconPath = new vscode.ThemeIcon("error", new vscode.ThemeColor("errorForeground"));
        const file = resolveFile(error.file, this.connection.model.hello?.app.root);
        if (file) {
          item.description = `${vscode.workspace.asRelativePath(file)}:${error.line ?? 1}`;
          const at = new vscode.Position(Math.max(0, (error.line ?? 1) - 1), Math.max(0, (error.column ?? 1) - 1));
          item.command = { command: "vscode.open", title: "Open", arguments: [vscode.Uri.file(file), { selection: new vscode.Range(at, at) }] };
        }
        item.tooltip = new vscode.MarkdownString().appendCodeblock([error.message, error.frame ?? ""].filter(Boolean).join("\n\n"), "text");
        return item;
      }
      case "report": {
        const { report } = element;
        const item = new vscode.TreeItem(`#${report.id} ${summarizeSwap(report)}`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `swap-${report.id}`;
        item.description = new Date(report.at).toLocaleTimeString();
        item.iconPath = new vscode.ThemeIcon(report.outcome === "swapped" ? "zap" : "debug-restart");
        return item;
      }
      case "detail": {
        const item = new vscode.TreeItem(element.label);
        item.description = element.description;
        if (element.icon) item.iconPath = new vscode.ThemeIcon(element.icon);
        item.tooltip = element.description ? `${element.label}: ${element.description}` : element.label;
        return item;
      }
    }
  }

  getChildren(element?: SwapItem): SwapItem[] {
    const { swaps } = this.connection.model;
    if (!element) {
      const items: SwapItem[] = [];
      if (swaps.error) items.push({ kind: "error", error: swaps.error });
      for (const report of swaps.reports) items.push({ kind: "report", report });
      return items;
    }
    return element.kind === "report" ? reportDetails(element.report) : [];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function reportDetails(r: SwapReport): SwapItem[] {
  const out: SwapItem[] = [];
  const detail = (label: string, description?: string, icon?: string) => out.push({ kind: "detail", label, ...(description !== undefined ? { description } : {}), ...(icon ? { icon } : {}) });
  detail("Sessions", `${r.sessions.kept} kept their state, ${r.sessions.restarted} restarted`, "window");
  for (const restart of r.restarts ?? []) detail("Restarted", restart.reason, "debug-restart");
  if (r.handlersRebound) detail("Handlers", `${r.handlersRebound} now run the new code`, "symbol-event");
  for (const p of r.propsTaken ?? []) detail(`${p.control}.${p.prop}`, `${JSON.stringify(p.from)} → ${JSON.stringify(p.to)} (from the source)`, "arrow-right");
  for (const p of r.propsKept ?? []) detail(`${p.control}.${p.prop}`, `kept ${JSON.stringify(p.kept)} (changed at runtime)`, "lock");
  for (const f of r.fieldsKept ?? []) detail(`${f.control}.${f.field}`, "field kept (changed at runtime)", "lock");
  for (const h of r.handlersKept ?? []) detail(`${h.control} on${h.event}`, "handler set at runtime: old code kept", "lock");
  if (r.added || r.removed) detail("Controls", `${r.added} added, ${r.removed} removed`, "diff");
  if (r.classes?.length) detail("Classes", r.classes.join(", "), "symbol-class");
  for (const c of r.components ?? []) detail(`${c.name} ×${c.instances}`, `hook state ${c.hooks}${c.reason ? `: ${c.reason}` : ""}`, "symbol-function");
  for (const reset of r.reset ?? []) detail(reset.what, `started afresh: ${reset.why}`, "refresh");
  const stopped = r.stopped;
  if (stopped && stopped.timers + stopped.tasks + stopped.subscriptions > 0) {
    detail("Stopped", `${stopped.timers} timers, ${stopped.tasks} tasks, ${stopped.subscriptions} subscriptions of the old code`, "debug-stop");
  }
  for (const w of r.warnings ?? []) detail("Warning", w, "warning");
  return out;
}

/** An error's file as the devserver gave it: absolute, or relative to the app's folder. */
export function resolveFile(file: string | undefined, root: string | undefined): string | null {
  if (!file) return null;
  if (file.startsWith("file://")) return vscode.Uri.parse(file).fsPath;
  if (isAbsolute(file)) return file;
  return root ? join(root, file) : null;
}

/** `swapped in 12 ms (app.ts)`: one line for a report. */
export function summarizeSwap(report: SwapReport): string {
  const verb = report.outcome === "swapped" ? "swapped" : report.outcome === "restarted" ? "hot-restarted" : "swapped (some sessions restarted)";
  const files = report.files.length ? ` (${report.files.join(", ")})` : "";
  return `${verb} in ${Math.round(report.ms)} ms${files}`;
}
