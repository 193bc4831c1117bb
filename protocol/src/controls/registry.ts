import type { ControlSpec, EventName, SlotName, WirePropName } from "./spec.ts";
import * as buttons from "./specs/buttons.ts";
import * as data from "./specs/data.ts";
import * as dialogs from "./specs/dialogs.ts";
import * as display from "./specs/display.ts";
import * as inputs from "./specs/inputs.ts";
import * as layout from "./specs/layout.ts";
import * as navigation from "./specs/navigation.ts";
import * as page from "./specs/page.ts";

/** Bases that are never drawn themselves: their props and events belong to the types extending them. */
const { DialogControl, ...overlays } = dialogs;
export { DialogControl as dialogBase };

/**
 * Every control type the renderer draws, by wire type. A spec file's exports join by name, and
 * each is filed under its own `type` (checked below), so `controlSpecs.Button.type === "Button"`.
 */
export const controlSpecs = {
  ...display,
  ...buttons,
  ...inputs,
  ...layout,
  ...page,
  ...navigation,
  ...overlays,
  ...data,
};

/** A type the renderer draws: `"Text"`, `"Button"`… A table keyed by it must have them all. */
export type ControlType = keyof typeof controlSpecs;

/** The spec of a control type. */
export type SpecOf<T extends ControlType> = (typeof controlSpecs)[T];
/** The wire props a control of type `T` may carry. */
export type PropName<T extends ControlType> = WirePropName<SpecOf<T>>;
/** The slots of type `T`. */
export type SlotOf<T extends ControlType> = SlotName<SpecOf<T>>;
/** The wire events of type `T` (`click`). */
export type EventOf<T extends ControlType> = EventName<SpecOf<T>>;

// Each spec is filed under its own type name: a spec exported as `Button` with `type: "Buton"`
// fails here.
type Misfiled = { [K in ControlType]: SpecOf<K>["type"] extends K ? never : K }[ControlType];
const misfiled: [Misfiled] extends [never] ? true : Misfiled = true;
void misfiled;

/** Every drawn type, in declaration order. */
export const controlTypes = Object.keys(controlSpecs) as ControlType[];

/** Whether `type` is one the renderer draws (a plain `in` would also accept `"toString"`). */
export function isControlType(type: string): type is ControlType {
  return Object.hasOwn(controlSpecs, type);
}

/** The spec of a wire type, or undefined for a type weft does not know. */
export function specOf(type: string): ControlSpec | undefined {
  return isControlType(type) ? controlSpecs[type] : undefined;
}
