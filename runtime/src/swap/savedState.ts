import type { Control } from "../controls/control.ts";
import type { SavedState } from "./buildContext.ts";
import { INTERNAL_FIELDS } from "./snapshot.ts";

// What a bind does to one live control: save what it holds, empty it for the new constructor,
// and put it back if the bind is abandoned.

/** Own fields of the app's (class fields, `data`), by value. */
export function ownFields(control: Control): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(control)) {
    if (!INTERNAL_FIELDS.has(name)) out[name] = (control as unknown as Record<string, unknown>)[name];
  }
  return out;
}

export function saveControl(control: Control): SavedState {
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
export function emptyControl(control: Control, fresh: Control, sameFamily: ((a: Function, b: Function) => boolean) | undefined): void {
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
export function restoreControl(control: Control, saved: SavedState): void {
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
