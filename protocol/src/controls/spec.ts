/**
 * What a control is on the wire, declared once: its type name, its props with the kind of value
 * each carries, its events, its child slots, the props the browser may set itself, and the
 * props a person recognises it by. Every side reads this one declaration:
 *
 * - the runtime defines each control class's accessors from it and derives the class's props
 *   types (`weft`'s `PropsOf`), so a prop exists exactly when its spec names it;
 * - the renderer's component table is keyed by `ControlType` and each component reads only the
 *   props and slots its spec names (a misspelled prop fails `tsc`);
 * - the inspector's summaries, `weft/testing`'s shown text and replay's names take their props
 *   from `summary` and `text`.
 *
 * docs/adding-a-control.md walks through adding one.
 */

/**
 * The kind of value a prop carries. The JSON on the wire is in brackets; the runtime gives each
 * kind the type an app writes (`"color"` takes `Colors.RED`), the renderer reads the JSON.
 * A list of strings is an enumeration: the prop is one of them.
 */
export type ValueKind =
  /** [string] */
  | "string"
  /** [number] */
  | "number"
  /** [boolean] */
  | "boolean"
  /** [string] a colour: a scheme role (`primary`), a named colour (`blue200`) or a hex. */
  | "color"
  /** [string] a Material or Cupertino icon name (`add`, `cupertino_add`). */
  | "icon"
  /** [number | {left, top, right, bottom}] padding or margin. */
  | "spacing"
  /** [number | {topLeft, topRight, bottomLeft, bottomRight}] corner radii. */
  | "borderRadius"
  /** [string | {top, right, bottom, left: {width, color}}] a border. */
  | "border"
  /** [string] where a child sits in a box (`center`, `topLeft`…). */
  | "alignment"
  /** [string] how children share a Row's or Column's main axis (`spaceBetween`…). */
  | "mainAxis"
  /** [string] how children sit across it (`center`, `stretch`…). */
  | "crossAxis"
  /** [boolean | number] take the free space of a Row or Column: true, or a flex factor. */
  | "flex"
  /** [boolean | string] whether and how a layout scrolls (Flet's ScrollMode). */
  | "scroll"
  /** [string] a style of the Material 3 type scale (`titleLarge`). */
  | "textThemeStyle"
  /** [object | string] a text style (size, weight, colour…), or a type-scale style's name. */
  | "textStyle"
  /** [object] a Material 3 theme (seed, scheme roles, font, density). */
  | "theme"
  /** [number | string] a font weight (`bold`, 600, `w600`). */
  | "fontWeight"
  /** [string] `left`, `center`, `right`, `justify`, `start`, `end`. */
  | "textAlign"
  /** [array | object] a structured value the control documents (options, destinations). */
  | "json"
  /** [any JSON] whatever the app puts there (a Radio's value). */
  | "any"
  | readonly string[];

/** What an event carries in `e.data`: a value kind, or nothing. */
export type EventKind = ValueKind | "none";

/**
 * A child slot: `list` holds any number of controls, `one` at most one. `text` holds a string
 * (sent as the prop of that name) or one control (sent in the slot), as Flet's `StrOrControl`;
 * `icon` holds an icon name or one control, as Flet's `IconDataOrControl`.
 */
export type SlotKind = "list" | "one" | "text" | "icon";

/** A handler prop's name: `onClick`. The event on the wire is `click`. */
export type HandlerName = `on${Capitalize<string>}`;

/** The declaration of one control type. Write it with `defineSpec`, which checks its names. */
export interface ControlSpec {
  /** The wire type (`t`) and the renderer's key for it. */
  readonly type: string;
  /** The spec this one extends; its props, events and slots are this one's too. Default: the base of every control. */
  readonly base?: ControlSpec;
  readonly props?: { readonly [name: string]: ValueKind };
  /** By handler name: `onClick: "none"`, `onChange: "string"` (what `e.data` holds). */
  readonly events?: { readonly [name: HandlerName]: EventKind };
  readonly slots?: { readonly [name: string]: SlotKind };
  /** Props the browser changes itself (typed text, a tick) and tells the server with `props`. */
  readonly client?: readonly string[];
  /** Props holding the text this control shows, first match wins: `find({ text })`, replay's names. */
  readonly text?: readonly string[];
  /** Props the inspector shows next to the control in its tree, first match wins. Default `text`. */
  readonly summary?: readonly string[];
}

/** The props every control has, whatever its type. */
export const controlBase = {
  type: "Control",
  props: {
    /** Identifies the control among its siblings (keyed reconciliation) and in tests (`data-weft-key`). */
    key: "string",
    /** Hidden controls are not drawn. Default true. */
    visible: "boolean",
    /** A disabled control ignores the user, and so does everything inside it. Default false. */
    disabled: "boolean",
    /** Shown when the pointer rests on the control. */
    tooltip: "string",
    /** Take the free space of a Row, Column or View: true, or a flex factor. */
    expand: "flex",
    /** In px. */
    width: "number",
    /** In px. */
    height: "number",
    /**
     * Offsets in px from the edges of the enclosing Stack: a child with any of them set is placed
     * there instead of by the stack's alignment.
     */
    left: "number",
    /** Offset in px from the enclosing Stack's top edge (see `left`). */
    top: "number",
    /** Offset in px from the enclosing Stack's right edge (see `left`). */
    right: "number",
    /**
     * Offset in px from the enclosing Stack's bottom edge (see `left`):
     * `{ left: 0, right: 0, bottom: 0 }` pins a child along the bottom.
     */
    bottom: "number",
  },
} as const satisfies ControlSpec;

export type Field = "props" | "events" | "slots";
type Own<S, F extends Field> = S extends { readonly [_ in F]: infer R } ? R : {};
/** A spec's own and inherited entries of one field; a spec without `base` extends `controlBase`. */
type Flat<S, F extends Field> = S extends unknown
  ? (S extends { readonly base: infer B } ? Flat<B, F> : S extends typeof controlBase ? {} : Own<typeof controlBase, F>) & Own<S, F>
  : never; // distributes over a union of specs, each with its own bases

/** A spec's own entries of one field (`props`, `events`, `slots`), without its bases'. */
export type OwnEntries<S, F extends Field> = Own<S, F>;
/** Every prop of a spec (its own, its bases', the base of every control's), with its kind. */
export type SpecProps<S> = Flat<S, "props">;
/** Every event of a spec, by handler name, with what its `e.data` holds. */
export type SpecEvents<S> = Flat<S, "events">;
/** Every slot of a spec, with its kind. */
export type SpecSlots<S> = Flat<S, "slots">;

/** The slots that also travel as a prop (a `text` or `icon` slot's string). */
type PropSlots<S> = { [K in keyof SpecSlots<S>]: SpecSlots<S>[K] extends "text" | "icon" ? K : never }[keyof SpecSlots<S>];

/** The names a control of this spec may carry in its wire props `p`. */
export type WirePropName<S> = (keyof SpecProps<S> | PropSlots<S>) & string;
/** The names of its child slots (`c`). */
export type SlotName<S> = keyof SpecSlots<S> & string;
/** Its event names on the wire: `click` for `onClick`. */
export type EventName<S> = { [K in keyof SpecEvents<S>]: K extends `on${infer E}` ? Uncapitalize<E> : never }[keyof SpecEvents<S>];

/** The checks `defineSpec` adds: every name it lists is one of the spec's props. */
interface SpecNames<S> {
  readonly client?: readonly WirePropName<S>[];
  readonly text?: readonly WirePropName<S>[];
  readonly summary?: readonly WirePropName<S>[];
}

/**
 * Declares a control type. Returns the spec as written, typed exactly (`const`), so the runtime
 * and the renderer can derive their types from it; a `client`, `text` or `summary` entry that is
 * not one of its props fails to compile.
 */
export function defineSpec<const S extends ControlSpec>(spec: S & SpecNames<S>): S {
  return spec;
}

/** The props holding the text a control of this spec shows (its own `text`, else its base's). */
export function textProps(spec: ControlSpec): readonly string[] {
  for (let s: ControlSpec | undefined = spec; s; s = s.base) if (s.text) return s.text;
  return [];
}

/** The props the inspector summarises a control of this spec by: `summary`, else `text`, its bases' included. */
export function summaryProps(spec: ControlSpec): readonly string[] {
  for (let s: ControlSpec | undefined = spec; s; s = s.base) if (s.summary) return s.summary;
  return textProps(spec);
}

/** `click` → `onClick`: the handler prop of a wire event. */
export function handlerName(event: string): HandlerName {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as HandlerName;
}

/** `onClick` → `click`: the wire event of a handler prop. */
export function eventName(handler: string): string {
  return handler.charAt(2).toLowerCase() + handler.slice(3);
}
