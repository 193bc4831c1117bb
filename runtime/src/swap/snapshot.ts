import { Control, metaOf } from "../controls/control.ts";

/**
 * What one run of `main` built: for every control it constructed (and every control reachable
 * from the page when it finished), its props, handlers, fields and children as the code left
 * them. The next swap's three-way merge compares against this: a value that still equals what
 * the old code built was not changed at runtime, so the new code's value may replace it.
 */
export interface ControlRecord {
  props: Record<string, unknown>;
  handlers: Record<string, Function>;
  fields: Record<string, FieldSnap>;
  slots: Record<string, Control[]>;
}

export type BuildSnapshot = Map<Control, ControlRecord>;

/**
 * A field's value as it was: primitives and functions by value, containers by a shallow copy
 * (an array pushed to at runtime must not look unchanged because it is the same array).
 */
export type FieldSnap =
  | { kind: "value"; value: unknown }
  | { kind: "array"; ref: unknown[]; items: unknown[] }
  | { kind: "object"; ref: object; entries: [string, unknown][] }
  | { kind: "map"; ref: Map<unknown, unknown>; entries: [unknown, unknown][] }
  | { kind: "set"; ref: Set<unknown>; items: unknown[] };

/** Control's own bookkeeping fields: never merged as app state. */
export const INTERNAL_FIELDS: ReadonlySet<string> = new Set([
  "id",
  "_p",
  "_h",
  "_lists",
  "_listViews",
  "_single",
  "_owner",
  "_parent",
  "_slot",
  "_changed",
  "_dirtySlots",
  "_sent",
]);

/** Takes the snapshot of a build: the constructed controls plus what hangs under `root`. */
export function snapshotBuild(root: Control, constructed: readonly Control[]): BuildSnapshot {
  const snapshot: BuildSnapshot = new Map();
  const visit = (control: Control) => {
    if (snapshot.has(control)) return;
    snapshot.set(control, recordOf(control));
    for (const children of Object.values(snapshot.get(control)!.slots)) for (const child of children) visit(child);
  };
  visit(root);
  for (const control of constructed) visit(control);
  return snapshot;
}

export function recordOf(control: Control): ControlRecord {
  const props: Record<string, unknown> = {};
  for (const name in control._p) props[name] = copyValue(control._p[name]);
  const slots: Record<string, Control[]> = {};
  for (const slot in metaOf(control).slots) {
    const children = control._children(slot);
    if (children.length > 0) slots[slot] = children.slice();
  }
  return { props, handlers: { ...control._h }, fields: snapFields(control), slots };
}

/** The app's own fields of a control (class fields, `data`), each as a snapshot. */
export function snapFields(control: Control): Record<string, FieldSnap> {
  const out: Record<string, FieldSnap> = {};
  for (const name of Object.keys(control)) {
    if (INTERNAL_FIELDS.has(name)) continue;
    out[name] = snapValue((control as unknown as Record<string, unknown>)[name]);
  }
  return out;
}

export function snapValue(value: unknown): FieldSnap {
  if (Array.isArray(value)) return { kind: "array", ref: value, items: [...value] };
  if (value instanceof Map) return { kind: "map", ref: value, entries: [...value] };
  if (value instanceof Set) return { kind: "set", ref: value, items: [...value] };
  if (typeof value === "object" && value !== null && isPlainObject(value)) {
    return { kind: "object", ref: value, entries: Object.entries(value) };
  }
  return { kind: "value", value };
}

/** Whether a value now is what the snapshot saw (same container with the same contents). */
export function sameAsSnap(value: unknown, snap: FieldSnap | undefined): boolean {
  if (!snap) return value === undefined;
  switch (snap.kind) {
    case "value":
      return Object.is(value, snap.value);
    case "array":
      return Array.isArray(value) && sameItems(value, snap.items);
    case "map":
      return value instanceof Map && value.size === snap.entries.length && snap.entries.every(([k, v]) => value.has(k) && Object.is(value.get(k), v));
    case "set":
      return value instanceof Set && value.size === snap.items.length && snap.items.every((v) => value.has(v));
    case "object": {
      if (typeof value !== "object" || value === null || !isPlainObject(value)) return false;
      const entries = Object.entries(value);
      return entries.length === snap.entries.length && snap.entries.every(([k, v], i) => entries[i]![0] === k && Object.is(entries[i]![1], v));
    }
    default: {
      const unreachable: never = snap;
      return unreachable;
    }
  }
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Prop values are JSON: copied deeply so in-place mutation at runtime shows as a change. */
export function copyValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

/** Deep equality of JSON-like prop values. */
export function equalValues(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => equalValues(v, bb[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => equalValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
