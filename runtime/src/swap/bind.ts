import { Control, type ControlProps } from "../controls/control.ts";
import type { Page } from "../page/page.ts";
import type { FamilyOf } from "./align.ts";
import { runContext } from "./generation.ts";
import { INTERNAL_FIELDS } from "./snapshot.ts";

/**
 * How constructions are treated while `main` builds a page (the construction hook's modes):
 *
 * - `record`: a normal run (first mount, hot restart): constructions are logged, so a later
 *   swap knows which controls `main` built.
 * - `probe`: the new code's first run, on a throwaway page: fresh objects, logged, to find out
 *   which old control each new construction stands for.
 * - `bind`: the new code's second run, on the live page: the k-th construction hands back the
 *   live control the probe's k-th construction was paired with. The live object is emptied to
 *   what a constructor starts from, so the new constructor and `main` fill it as they would a
 *   new one; what it held before is saved, and merged back three-way afterwards. Everything
 *   that held the control (runtime-created todo items, timers, closures) still holds it.
 * - `restart`: like `record`, but the first construction (the page) reuses the live page, so
 *   `page.session` and the connection stay.
 */
export type BuildMode = "record" | "probe" | "bind" | "restart";

export interface BuildContext {
  mode: BuildMode;
  /** Constructions in order (for bind: the live object where one was reused). */
  log: Control[];
  /** No more logging: main finished (or ran past its budget). */
  closed: boolean;
  /** bind: the probe's constructions, to check the second run builds the same things. */
  probeLog?: readonly Control[];
  /** bind: construction ordinal → the live control to hand back. */
  reuse?: ReadonlyMap<number, Control>;
  /** bind: what each reused control held before it was emptied. */
  saved?: Map<Control, SavedState>;
  /** bind: set when the second run built something else than the probe. */
  diverged?: string;
  /** restart: the live page, handed back for the first construction. */
  page?: Page;
  familyOf?: FamilyOf;
  /** bind: the key the k-th expected construction had (default: its live key). */
  expectedKey?: (control: Control) => unknown;
  /** bind: whether two classes are versions of one (then a reused control keeps its prototype). */
  sameFamily?: (a: Function, b: Function) => boolean;
}

/** What a live control held before a bind emptied it: enough to merge, or to put it back. */
export interface SavedState {
  proto: object | null;
  owner: Control["_owner"];
  p: Record<string, unknown>;
  h: Record<string, Function>;
  single: Record<string, Control | undefined>;
  /** The raw list arrays (emptied in place, so whoever holds them keeps the same array). */
  listArrays: Record<string, Control[]>;
  lists: Record<string, Control[]>;
  listViews: Record<string, Control[]>;
  fields: Record<string, unknown>;
  changed: Map<string, unknown> | null;
  dirtySlots: Set<string> | null;
}

/** The construction hook installed by the swap engine: see `BuildMode`. */
export function swapConstructionHook(fresh: Control, props: ControlProps | undefined): Control | undefined {
  const build = runContext.getStore()?.build;
  if (!build || build.closed) return undefined;
  const ordinal = build.log.length;
  switch (build.mode) {
    case "record":
    case "probe":
      build.log.push(fresh);
      return undefined;
    case "restart": {
      const page = build.page;
      if (ordinal === 0 && page) {
        empty(page, fresh, undefined);
        build.log.push(page);
        return page;
      }
      build.log.push(fresh);
      return undefined;
    }
    case "bind": {
      if (!build.diverged) build.diverged = divergence(build, ordinal, fresh, props);
      const live = build.diverged ? undefined : build.reuse?.get(ordinal);
      if (live && build.saved && !build.saved.has(live)) {
        build.saved.set(live, save(live));
        empty(live, fresh, build.sameFamily);
        if (props) live.assign(props);
        build.log.push(live);
        return live;
      }
      build.log.push(fresh);
      return undefined;
    }
    default: {
      const unreachable: never = build.mode;
      return unreachable;
    }
  }
}

function divergence(build: BuildContext, ordinal: number, fresh: Control, props: ControlProps | undefined): string | undefined {
  const expected = build.probeLog?.[ordinal];
  const familyOf = build.familyOf ?? ((c: Control) => c.constructor);
  const name = (c: Control) => c.constructor.name || "a control";
  if (!expected) return `the second run of main built more controls than the first (${name(fresh)} #${ordinal + 1})`;
  if (familyOf(expected) !== familyOf(fresh)) {
    return `construction #${ordinal + 1} was a ${name(expected)} in the first run of main and a ${name(fresh)} in the second`;
  }
  const expectedKey = build.expectedKey ? build.expectedKey(expected) : expected._p.key;
  if (props?.key !== undefined && props.key !== expectedKey) {
    return `construction #${ordinal + 1} (${name(fresh)}) had key ${JSON.stringify(expectedKey)} in the first run of main and ${JSON.stringify(props.key)} in the second`;
  }
  return undefined;
}

/** Own fields of the app's (class fields, `data`), by value. */
export function ownFields(control: Control): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(control)) {
    if (!INTERNAL_FIELDS.has(name)) out[name] = (control as unknown as Record<string, unknown>)[name];
  }
  return out;
}

function save(control: Control): SavedState {
  const lists: Record<string, Control[]> = {};
  for (const [slot, raw] of Object.entries(control._lists)) lists[slot] = [...raw];
  return {
    proto: Object.getPrototypeOf(control) as object | null,
    owner: control._owner,
    p: control._p,
    h: control._h,
    single: control._single,
    listArrays: { ...control._lists },
    lists,
    listViews: { ...control._listViews },
    fields: ownFields(control),
    changed: control._changed,
    dirtySlots: control._dirtySlots,
  };
}

/**
 * Empties a live control to what a constructor starts from, detached (so the setters the new
 * code calls record nothing). Its prototype becomes the one of the class being constructed now,
 * unless that is a newer version of its own class: the registry gave the old prototype the new
 * members already, and changing prototypes would cost V8's fast paths.
 */
function empty(control: Control, fresh: Control, sameFamily: ((a: Function, b: Function) => boolean) | undefined): void {
  control._owner = null;
  control._p = {};
  control._h = {};
  control._single = {};
  for (const raw of Object.values(control._lists)) raw.length = 0;
  control._changed = null;
  control._dirtySlots = null;
  control.data = undefined;
  const proto = Object.getPrototypeOf(fresh) as object | null;
  const current = Object.getPrototypeOf(control) as object | null;
  if (current === proto) return;
  if (sameFamily && current && proto && sameFamily(current.constructor as Function, proto.constructor as Function)) return;
  Object.setPrototypeOf(control, proto);
}

/** Puts back what `save` took: the bind is abandoned for this control. */
export function restore(control: Control, saved: SavedState): void {
  if (Object.getPrototypeOf(control) !== saved.proto) Object.setPrototypeOf(control, saved.proto);
  control._owner = saved.owner;
  control._p = saved.p;
  control._h = saved.h;
  control._single = saved.single;
  for (const [slot, raw] of Object.entries(saved.listArrays)) {
    raw.length = 0;
    raw.push(...(saved.lists[slot] ?? []));
  }
  control._lists = saved.listArrays;
  control._listViews = saved.listViews;
  for (const name of Object.keys(control)) {
    if (!INTERNAL_FIELDS.has(name) && !(name in saved.fields)) delete (control as unknown as Record<string, unknown>)[name];
  }
  for (const [name, value] of Object.entries(saved.fields)) {
    Object.defineProperty(control, name, { value, writable: true, enumerable: true, configurable: true });
  }
  control._changed = saved.changed;
  control._dirtySlots = saved.dirtySlots;
}

/** Whether `value` is a control (any version of any control class). */
export function isControl(value: unknown): value is Control {
  return value instanceof Control;
}
