import type { Control } from "../controls/control.ts";
import { equalValues, sameAsSnap, type FieldSnap } from "./snapshot.ts";

/**
 * The three-way merges of a swap. For every value there are three versions: what the old code
 * built (`base`), what the new code builds (`next`), and what the live control holds now
 * (`live`). Changed at runtime only → keep live; changed in code only → take next; both → keep
 * live and say so (the user's work is never thrown away silently).
 */

export type MergeOutcome = "same" | "taken" | "kept" | "conflict";

export function mergeValue(base: unknown, next: unknown, live: unknown): { value: unknown; outcome: MergeOutcome } {
  if (equalValues(live, next)) return { value: live, outcome: "same" };
  if (equalValues(live, base)) return { value: next, outcome: "taken" };
  if (equalValues(next, base)) return { value: live, outcome: "kept" };
  return { value: live, outcome: "conflict" };
}

export interface PropChange {
  prop: string;
  from: unknown;
  to: unknown;
}

export interface PropsMerge {
  props: Record<string, unknown>;
  readonly taken: PropChange[];
  /** Changed at runtime and in the source: the runtime value stays. */
  readonly conflicts: { prop: string; kept: unknown; source: unknown }[];
}

/** An empty result list, shared: results are read, never added to. */
const NONE: never[] = [];

export function mergeProps(base: Record<string, unknown>, next: Record<string, unknown>, live: Record<string, unknown>): PropsMerge {
  // The common case by far: the code built what the browser shows (nothing changed, or only at
  // runtime and the code built the same as before). The live props stand as they are.
  if (sameRecords(next, live)) return { props: live, taken: NONE, conflicts: NONE };
  const out: PropsMerge = { props: {}, taken: [], conflicts: [] };
  const names = new Set([...Object.keys(base), ...Object.keys(next), ...Object.keys(live)]);
  for (const name of names) {
    const { value, outcome } = mergeValue(base[name], next[name], live[name]);
    if (value !== undefined && value !== null) out.props[name] = value;
    if (outcome === "taken") out.taken.push({ prop: name, from: live[name], to: next[name] });
    else if (outcome === "conflict") out.conflicts.push({ prop: name, kept: live[name], source: next[name] });
  }
  return out;
}

export interface HandlersMerge {
  handlers: Record<string, Function>;
  rebound: number;
  /** Events whose handler was set at runtime (not by the code that built the control): kept. */
  keptRuntime: string[];
}

export function mergeHandlers(base: Record<string, Function>, next: Record<string, Function>, live: Record<string, Function>): HandlersMerge {
  // No handler was set at runtime (the common case): the new code's handlers, all of them.
  if (sameFunctions(live, base)) {
    let rebound = 0;
    for (const event in next) if (next[event] !== live[event]) rebound++;
    return { handlers: next, rebound, keptRuntime: NONE };
  }
  const out: HandlersMerge = { handlers: {}, rebound: 0, keptRuntime: [] };
  const events = new Set([...Object.keys(base), ...Object.keys(next), ...Object.keys(live)]);
  for (const event of events) {
    if (live[event] === base[event]) {
      const fn = next[event];
      if (fn) out.handlers[event] = fn;
      if (fn && fn !== live[event]) out.rebound++;
    } else {
      out.handlers[event] = live[event]!;
      if (live[event]) out.keptRuntime.push(event);
    }
    if (!out.handlers[event]) delete out.handlers[event];
  }
  return out;
}

export interface FieldsMerge {
  /** Field name → the value it must end up with. */
  values: Map<string, unknown>;
  conflicts: string[];
}

/**
 * A class instance's own fields (`completed`, `filter`, `tasks`…). The new constructor ran on
 * the live object, so `next` is what it set; `live` what the fields held before.
 */
export function mergeFields(
  base: Record<string, FieldSnap>,
  next: Record<string, unknown>,
  live: Record<string, unknown>,
  keep: ReadonlySet<string>,
): FieldsMerge {
  const out: FieldsMerge = { values: new Map(), conflicts: [] };
  for (const name of new Set([...Object.keys(next), ...Object.keys(live)])) {
    const hadBefore = Object.prototype.hasOwnProperty.call(live, name);
    if (!hadBefore) {
      out.values.set(name, next[name]); // a field the new code added
      continue;
    }
    const liveValue = live[name];
    if (keep.has(name) || !Object.prototype.hasOwnProperty.call(next, name)) {
      out.values.set(name, liveValue);
      continue;
    }
    const nextValue = next[name];
    if (Object.is(nextValue, liveValue)) {
      out.values.set(name, liveValue);
      continue;
    }
    const snap = base[name];
    if (snap && sameAsSnap(liveValue, snap)) {
      out.values.set(name, nextValue);
    } else {
      out.values.set(name, liveValue);
      if (snap && !sameAsSnap(nextValue, snap)) out.conflicts.push(name);
    }
  }
  return out;
}

export interface ChildrenMerge {
  children: readonly Control[];
  readonly added: Control[];
  readonly removed: Control[];
  /** Children the code did not build (todo items added at runtime) carried over. */
  runtime: number;
}

/**
 * One slot's children. Kept: children added at runtime (at their place after the sibling they
 * followed), removals done at runtime. Taken: children added or removed in the source, and the
 * source's order unless the user reordered them.
 */
export function mergeChildren(base: readonly Control[], next: readonly Control[], live: readonly Control[]): ChildrenMerge {
  // The code built the children it built before, and nobody changed them: as they are.
  if (sameItems(next, base) && sameItems(live, base)) return { children: live, added: NONE, removed: NONE, runtime: 0 };
  const inBase = new Set(base);
  const inNext = new Set(next);
  const inLive = new Set(live);
  const include = (c: Control) => inNext.has(c) && (!inBase.has(c) || inLive.has(c));
  const isRuntime = (c: Control) => !inBase.has(c) && !inNext.has(c);

  // Did the user reorder the children the code built? Then their order wins.
  const liveOrder = live.filter((c) => inBase.has(c));
  const baseOrder = base.filter((c) => inLive.has(c));
  const reordered = liveOrder.some((c, i) => c !== baseOrder[i]);

  let skeleton: Control[];
  if (!reordered) {
    skeleton = next.filter(include);
  } else {
    skeleton = live.filter(include);
    const placed = new Set(skeleton);
    next.forEach((c, i) => {
      if (placed.has(c) || !include(c)) return;
      let at = 0;
      for (let j = i - 1; j >= 0; j--) {
        const k = skeleton.indexOf(next[j]!);
        if (k >= 0) {
          at = k + 1;
          break;
        }
      }
      skeleton.splice(at, 0, c);
      placed.add(c);
    });
  }

  // Runtime children follow the sibling they followed in the live list.
  const inSkeleton = new Set(skeleton);
  const after = new Map<Control | null, Control[]>();
  let anchor: Control | null = null;
  let runtime = 0;
  for (const c of live) {
    if (isRuntime(c)) {
      const list = after.get(anchor);
      if (list) list.push(c);
      else after.set(anchor, [c]);
      runtime++;
    } else if (inSkeleton.has(c)) {
      anchor = c;
    }
  }
  const children: Control[] = [...(after.get(null) ?? [])];
  for (const c of skeleton) {
    children.push(c);
    const followers = after.get(c);
    if (followers) children.push(...followers);
  }
  const resultSet = new Set(children);
  return {
    children,
    added: children.filter((c) => !inLive.has(c)),
    removed: live.filter((c) => !resultSet.has(c)),
    runtime,
  };
}

/** Whether two prop records hold the same names with equal values (no allocation: this runs for every control of every swap). */
function sameRecords(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let count = 0;
  for (const name in a) {
    if (!equalValues(a[name], b[name])) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}

/** Whether two handler records hold the same functions under the same events. */
function sameFunctions(a: Record<string, Function>, b: Record<string, Function>): boolean {
  let count = 0;
  for (const event in a) {
    if (a[event] !== b[event]) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}

function sameItems(a: readonly Control[], b: readonly Control[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
