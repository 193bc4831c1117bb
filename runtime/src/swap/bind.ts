import { Control, type ControlProps } from "../controls/control.ts";
import type { BuildContext, SavedState } from "./buildContext.ts";
import { runContext } from "./generation.ts";
import { INTERNAL_FIELDS } from "./snapshot.ts";

export type { BuildContext, BuildMode, SavedState } from "./buildContext.ts";

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
