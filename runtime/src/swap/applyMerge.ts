import { HANDLERS, metaOf, type Control } from "../controls/control.ts";
import type { SavedState } from "./buildContext.ts";
import { COMPONENT_KEEP_FIELDS, COMPONENT_KEEP_SLOTS, isComponentControl } from "./components.ts";
import { mergeChildren, mergeFields, mergeHandlers, mergeProps } from "./merge.ts";
import { describeControl, noteOnce, notePropKept, notePropTaken, type SwapReport } from "./report.ts";
import { ownFields } from "./savedState.ts";
import { equalValues, type ControlRecord } from "./snapshot.ts";

const EMPTY_SET: ReadonlySet<string> = new Set();

/** Three-way merge of one live control after the bind; tells the tree what changed. */
export function applyMerge(control: Control, before: SavedState, base: ControlRecord, report: SwapReport): { added: number; removed: number } {
  const isComponent = isComponentControl(control);
  const props = mergeProps(base.props, control._p, before.p);
  for (const t of props.taken) notePropTaken(report, control, t.prop, t.from, t.to);
  for (const c of props.conflicts) notePropKept(report, control, c.prop, c.kept, c.source);
  const handlers = mergeHandlers(base.handlers, control._h, before.h);
  report.handlersRebound += handlers.rebound;
  for (const event of handlers.keptRuntime) noteOnce(report.handlersKept, { control: describeControl(control), event }, (a, b) => a.event === b.event && a.control === b.control);

  const fields = mergeFields(base.fields, ownFields(control), before.fields, isComponent ? COMPONENT_KEEP_FIELDS : EMPTY_SET);
  for (const [name, value] of fields.values) {
    if ((control as unknown as Record<string, unknown>)[name] !== value) {
      Object.defineProperty(control, name, { value, writable: true, enumerable: true, configurable: true });
    }
  }
  for (const field of fields.conflicts) noteOnce(report.fieldsKept, { control: describeControl(control), field }, (a, b) => a.field === b.field && a.control === b.control);

  let added = 0;
  let removed = 0;
  const dirtySlots = new Set<string>();
  const meta = metaOf(control);
  for (const slot in meta.slots) {
    const kind = meta.slots[slot];
    const liveBefore = kind === "list" ? (before.lists[slot] ?? NO_CHILDREN) : before.single[slot] ? [before.single[slot]!] : NO_CHILDREN;
    const built = control._children(slot);
    let children: readonly Control[];
    if (isComponent && COMPONENT_KEEP_SLOTS.has(slot)) {
      children = liveBefore;
    } else {
      const merged = mergeChildren(base.slots[slot] ?? NO_CHILDREN, built, liveBefore);
      children = merged.children;
      added += merged.added.length;
      removed += merged.removed.length;
      report.runtimeKept += merged.runtime;
    }
    if (kind === "list") {
      const raw = control._lists[slot];
      if (raw) raw.splice(0, raw.length, ...children);
      else if (children.length > 0) (control as unknown as Record<string, Control[]>)[slot] = [...children];
    } else {
      control._single[slot] = children.length > 1 ? pickSingle(children, liveBefore) : children[0];
    }
    if (!sameChildren(control._children(slot), liveBefore)) dirtySlots.add(slot);
  }

  control._p = props.props;
  control._h = handlers.handlers;
  control._owner = before.owner;
  if (before.owner) {
    const changed = new Map<string, unknown>();
    // What the browser shows differs where the merged props differ from the props before.
    if (control._p !== before.p) {
      for (const name in before.p) if (!equalValues(before.p[name], control._p[name])) changed.set(name, before.p[name]);
      for (const name in control._p) if (!(name in before.p) && !equalValues(undefined, control._p[name])) changed.set(name, undefined);
    }
    if (!sameEvents(before.h, control._h)) changed.set(HANDLERS, undefined);
    control._changed = changed.size > 0 ? changed : null;
    control._dirtySlots = dirtySlots.size > 0 ? dirtySlots : null;
    if (control._changed || control._dirtySlots) before.owner.markDirty(control);
  }
  return { added, removed };
}

/** A single slot that ended up with two candidates: the runtime's choice wins over the code's. */
function pickSingle(children: readonly Control[], liveBefore: readonly Control[]): Control | undefined {
  return children.find((c) => liveBefore.includes(c)) ?? children[0];
}

const NO_CHILDREN: readonly Control[] = [];

function sameChildren(a: readonly Control[], b: readonly Control[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether two handler records have handlers for the same events (the browser is told which events to send). */
function sameEvents(a: Record<string, Function>, b: Record<string, Function>): boolean {
  let count = 0;
  for (const event in a) {
    if (!(event in b)) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}
