import type { ControlSpec, ControlType, OwnEntries, SpecEvents, SpecOf, SpecProps, SpecSlots, ValueKind } from "@weft/protocol/controls";
import type { Control, EventHandler } from "./control.ts";
import type { CrossAxisAlignment, MainAxisAlignment, ScrollMode, Spacing } from "./layout.ts";
import type { ColorValue } from "../constants/colors.ts";
import type { IconValue } from "../constants/icons.ts";
import type { FontWeight, TextAlign, TextThemeStyle } from "../constants/textStyles.ts";
import type { Border, BorderRadius } from "../style/border.ts";
import type { TextStyle, TextStyleProps } from "../style/textStyle.ts";
import type { Theme } from "../style/theme.ts";
import type { Alignment } from "../style/alignment.ts";
import type { Margin, Padding } from "../style/padding.ts";

/**
 * The types an app writes, derived from each control's spec (`@weft/protocol/controls`): a prop
 * is declared once, with its kind and its documentation, and `PropsOf` turns it into the typed,
 * documented field of the props object and of the class. Hovering `new Text({ size })` shows the
 * spec's comment.
 */

/** The type an app writes for each named kind of value. Every kind must have one (checked below). */
export interface ValueTypes {
  /** Any text: a label, a route, a key, a URL. */
  string: string;
  /** A number; in px where it is a size. */
  number: number;
  /** `true` or `false`; an unset boolean prop takes its default, usually false. */
  boolean: boolean;
  /** A colour: `Colors.BLUE`, a theme role (`Colors.PRIMARY`), "#336699", `Colors.withOpacity(0.5, Colors.RED)`. */
  color: ColorValue;
  /** A Material icon: `Icons.ADD`, or its name in snake_case ("check_circle"). */
  icon: IconValue;
  /**
   * Space on each side: a number for all four, `{ left, top, right, bottom }`, or
   * `Padding.symmetric(…)` / `Margin.only(…)`.
   */
  spacing: Spacing | Padding | Margin;
  /** One radius for every corner, in px, or `BorderRadius.only({ topLeft: 8 })`. */
  borderRadius: number | BorderRadius;
  /** `Border.all(1, Colors.OUTLINE)`, `Border.only(…)`, or a CSS border such as "1px solid #ccc". */
  border: Border | string;
  /** A point in a box: `Alignment.CENTER`, `new Alignment(0, -1)`, or a name such as "topLeft". */
  alignment: Alignment | BoxAlignment;
  /**
   * How children share a Row's width or a Column's height: "start", "center", "end",
   * "spaceBetween", "spaceAround", "spaceEvenly".
   */
  mainAxis: MainAxisAlignment;
  /** Where children sit across a Row or Column: "start", "center", "end", "stretch", "baseline". */
  crossAxis: CrossAxisAlignment;
  /** Take a share of the free space: true (a share of 1) or a flex factor (2 takes twice as much). */
  flex: boolean | number;
  /** How overflowing children scroll: `ScrollMode.AUTO`, "always", "hidden", "adaptive", or true for "auto". */
  scroll: ScrollMode;
  /** A style of the theme's type scale: `TextThemeStyle.HEADLINE_SMALL`, "bodyMedium"… */
  textThemeStyle: TextThemeStyle;
  /** A text style: `new TextStyle({ size: 18, weight: FontWeight.BOLD })`, its props, or a theme style name. */
  textStyle: TextStyle | TextStyleProps | TextThemeStyle;
  /** A theme: `new Theme({ colorSchemeSeed: Colors.GREEN })`. */
  theme: Theme;
  /** How heavy the letters are: `FontWeight.BOLD`, "normal", "bold", 100–900, or "w600". */
  fontWeight: FontWeight | "normal" | "bold" | number | `w${number}`;
  /** `TextAlign.CENTER`, "left", "right", "justify", "start", "end". */
  textAlign: TextAlign;
  /** Any JSON value (objects, arrays, strings, numbers, booleans, null). */
  json: unknown;
  /** Any value the app likes; kept as given. */
  any: unknown;
}

/** Where a child sits in a box (Container, Stack), by name; `Alignment.CENTER`… is Flet's way. */
export type BoxAlignment =
  | "center"
  | "topLeft"
  | "topCenter"
  | "topRight"
  | "centerLeft"
  | "centerRight"
  | "bottomLeft"
  | "bottomCenter"
  | "bottomRight";

// A kind added to the protocol without a type here fails to compile.
type NamedKind = Exclude<ValueKind, readonly string[]>;
const complete: [Exclude<NamedKind, keyof ValueTypes>] extends [never] ? true : Exclude<NamedKind, keyof ValueTypes> = true;
void complete;

/** A spec, or the type name of one in the registry. */
export type SpecRef = ControlType | ControlSpec;
type Resolve<S extends SpecRef> = S extends ControlType ? SpecOf<S> : S;

/** The app-side type of a value kind: an enumeration is the union of its strings. */
export type ValueOf<K> = K extends readonly (infer U)[] ? U : K extends keyof ValueTypes ? ValueTypes[K] : never;

/** What a slot holds: controls, one control, a string or a control, an icon name or a control. */
export type SlotValue<K> = K extends "list" ? Control[] : K extends "one" ? Control : K extends "text" ? string | Control : string | Control;

type EventData<K> = K extends "none" ? undefined : ValueOf<K>;

/**
 * The props object of a control class: every prop, handler and slot of its spec (and its
 * bases'), optional, typed by kind. `Override` gives some of them a narrower or richer type than
 * their kind says (`cells: DataCell[]`, a handler's event data).
 *
 * ```ts
 * export interface ButtonProps extends PropsOf<"Button", Button> {}
 * ```
 */
export type PropsOf<S extends SpecRef, Self extends Control, Override extends Overrides<S> = {}> = Typed<
  SpecProps<Resolve<S>>,
  SpecEvents<Resolve<S>>,
  SpecSlots<Resolve<S>>,
  Self,
  Override
> & {
  /** Any value of the app's; stays on the server, never sent to the browser. */
  data?: unknown;
};

/**
 * The fields a control class adds to its base class: its spec's own props, handlers and slots
 * (the base class has the inherited ones), typed as in `PropsOf`, except that a list slot always
 * holds an array (`column.controls.push(…)`).
 *
 * ```ts
 * export interface Button extends FieldsOf<"Button", Button> {}
 * ```
 */
export type FieldsOf<S extends SpecRef, Self extends Control, Override extends Overrides<S> = {}> = Omit<
  Typed<OwnEntries<Resolve<S>, "props">, OwnEntries<Resolve<S>, "events">, OwnEntries<Resolve<S>, "slots">, Self, Override>,
  ListSlot<OwnEntries<Resolve<S>, "slots">>
> &
  Required<Pick<Slots<OwnEntries<Resolve<S>, "slots">, Override>, ListSlot<OwnEntries<Resolve<S>, "slots">>>>;

/** Types to give some of a spec's names instead of their kind's (`{ cells: DataCell[] }`). */
export type Overrides<S extends SpecRef> = Partial<Record<Name<S>, unknown>>;

/** Every name a spec declares (props, handlers, slots), its bases' included. */
export type Name<S extends SpecRef> = keyof SpecProps<Resolve<S>> | keyof SpecEvents<Resolve<S>> | keyof SpecSlots<Resolve<S>>;

type Typed<P, E, Sl, Self extends Control, O> = Props<P, O> & Handlers<E, Self, O> & Slots<Sl, O>;
type Props<P, O> = { -readonly [K in keyof P]?: K extends keyof O ? O[K] : ValueOf<P[K]> };
type Handlers<E, Self extends Control, O> = {
  -readonly [K in keyof E]?: K extends keyof O ? O[K] : EventHandler<Self, EventData<E[K]>>;
};
type Slots<Sl, O> = { -readonly [K in keyof Sl]?: K extends keyof O ? O[K] : SlotValue<Sl[K]> };
type ListSlot<Sl> = { [K in keyof Sl]: Sl[K] extends "list" ? K : never }[keyof Sl];
