import { defineSpec } from "../spec.ts";

/** Controls the user types into or picks with: fields, ticks, switches, sliders, radios, dropdowns. */

export const TextField = defineSpec({
  type: "TextField",
  props: {
    /** The text; the browser sets it as the user types. */
    value: "string",
    /** The field's name, drawn inside the box and floating above it once there is text. */
    label: "string",
    /** Shown in the empty field: what to type. */
    hintText: "string",
    /** Hide the text as dots. */
    password: "boolean",
    /** With `password`, show an eye button that reveals the text. */
    canRevealPassword: "boolean",
    /** Lines: Enter adds one (Ctrl+Enter submits), and the field grows with them up to `maxLines`. */
    multiline: "boolean",
    /** The height in lines while the text is shorter. Default 1. */
    minLines: "number",
    /**
     * The most lines shown before the field scrolls. Default: none when multiline, otherwise 1.
     * More than 1 on a field that is not multiline wraps its text, and Enter still submits (Flet's rule).
     */
    maxLines: "number",
    /**
     * Shown and selectable, but the user cannot change it (unlike `disabled`, it still looks
     * active). Default false.
     */
    readOnly: "boolean",
    /** Take the keyboard focus when shown. */
    autofocus: "boolean",
    /** Fill the box with `fillColor` (default the scheme's surfaceContainerHighest) instead of only outlining it. */
    filled: "boolean",
    /** The fill of a `filled` field. */
    fillColor: "color",
    /** Enter submits (`onSubmit`) and Shift+Enter adds a line, as in a chat box; makes the field multiline. */
    shiftEnter: "boolean",
    /** An icon inside the box, before the text. */
    prefixIcon: "icon",
    /** An icon inside the box, after the text. */
    suffixIcon: "icon",
    /** The keyboard a phone shows. Default "text". */
    keyboardType: ["text", "number", "email", "url", "phone"],
    /** How the text lines up in the box: `TextAlign.RIGHT` for numbers, say. Default start. */
    textAlign: "textAlign",
    /** The colour behind the text inside the outline (Flet's `bgcolor`). Default none. */
    bgcolor: "color",
    /** The box's corner radius, in px. Default 4, Material 3's outlined field. */
    borderRadius: "borderRadius",
    /**
     * Which edits the field accepts: an `InputFilter` (`{ regexString, allow, replacementString,
     * multiline, caseSensitive, unicode, dotAll }`), checked in the browser as the user types. Default none.
     */
    inputFilter: "json",
  },
  events: {
    /** Called on every edit; `e.control.value` holds the text. */
    onChange: "string",
    /** Called on Enter (Ctrl+Enter when multiline; Enter with `shiftEnter`). */
    onSubmit: "string",
    /** Called when the field takes the keyboard focus. */
    onFocus: "none",
    /** Called when the field loses the keyboard focus: a good moment to validate what was typed. */
    onBlur: "none",
  },
  slots: {
    /** Before the text, inside the box: a string (`"$"`) or a control. */
    prefix: "text",
    /** After the text, inside the box: a string (`"kg"`) or a control. */
    suffix: "text",
    /** Under the field in the error colour, and the box turns red: a string or a control. */
    error: "text",
    /** Under the field, in a quiet colour: help on what to type. */
    helper: "text",
  },
  client: ["value"],
  text: ["value", "label"],
  summary: ["value", "label", "hintText"],
});

export const Checkbox = defineSpec({
  type: "Checkbox",
  props: {
    /** The tick; the browser sets it when the user ticks or unticks it. */
    value: "boolean",
    /** Shown after the box; clicking it flips the box too. */
    label: "string",
  },
  events: {
    /** Called after the user flipped it; `e.data` is the new value. */
    onChange: "boolean",
  },
  client: ["value"],
  text: ["label"],
  summary: ["label", "value"],
});

export const Switch = defineSpec({
  type: "Switch",
  props: {
    /** On or off; the browser sets it when the user flips the switch. */
    value: "boolean",
    /** The text beside the switch; a click on it flips the switch too. */
    label: "string",
    /** "right" (default) puts the label after the switch, "left" before it. */
    labelPosition: ["left", "right"],
    /** The track's colour while on. */
    activeColor: "color",
    /**
     * An icon in the thumb: one icon, or one per state
     * (`{ selected: Icons.CHECK, default: Icons.CLOSE }`, Flet's ControlState names).
     */
    thumbIcon: "json",
  },
  events: {
    /** Called after the user flipped it; `e.data` is the new value. */
    onChange: "boolean",
  },
  client: ["value"],
  text: ["label"],
  summary: ["label", "value"],
});

export const Slider = defineSpec({
  type: "Slider",
  props: {
    /** The browser sets it while the user drags. Default `min`. */
    value: "number",
    /** Default 0. */
    min: "number",
    /** Default 1. */
    max: "number",
    /** Snap to this many equal steps between min and max; continuous when unset. */
    divisions: "number",
    /** Shown above the thumb while dragging; `{value}` stands for the value. */
    label: "string",
    /** How many decimals `{value}` shows in the label. Default 0 (rounded to a whole number), as in Flet. */
    round: "number",
    /** The colour of the track's filled part and of the thumb; default the theme's primary. */
    activeColor: "color",
  },
  events: {
    /** Called on every move; `e.data` is the value. */
    onChange: "number",
    /** Called when the user starts dragging. */
    onChangeStart: "number",
    /** Called when the user lets go (or a key press settles the value). */
    onChangeEnd: "number",
  },
  client: ["value"],
  text: ["label"],
  summary: ["value"],
});

export const Radio = defineSpec({
  type: "Radio",
  props: {
    /** What the RadioGroup's `value` becomes when this one is picked: any value (a string, a number…). */
    value: "any",
    /** The text beside the radio button; a click on it picks the button too. */
    label: "string",
    /** The colour of the dot while picked; default the theme's primary. */
    activeColor: "color",
  },
  text: ["value", "label"],
  summary: ["label", "value"],
});

export const RadioGroup = defineSpec({
  type: "RadioGroup",
  props: {
    /** The `value` of the picked Radio, of whatever type the Radios' values are; the browser sets it when the user picks one. */
    value: "any",
  },
  events: {
    /** Called after the user picked a Radio; `e.data` is its value. */
    onChange: "any",
  },
  slots: {
    /** Any layout holding the Radios, e.g. a Column or a Row. */
    content: "one",
  },
  client: ["value"],
  text: ["value"],
});

export const Dropdown = defineSpec({
  type: "Dropdown",
  props: {
    /** The key of the selected option; the browser sets it when the user picks one. */
    value: "string",
    /**
     * The choices: `{ key, text?, disabled? }` or plain strings. Assign a new array to change
     * them (or call `update()` after editing it in place).
     */
    options: "json",
    /** The field's label, on its border above the selection. */
    label: "string",
    /** Shown while nothing is selected. */
    hintText: "string",
  },
  events: {
    /** Called after the user picked an option; `e.data` is its key. */
    onChange: "string",
  },
  client: ["value"],
  text: ["value", "label"],
  summary: ["value", "label"],
});

export const GestureDetector = defineSpec({
  type: "GestureDetector",
  props: {
    /** The pointer's look over it: "click", "move", "grab", "text"… (Flet's MouseCursor, CSS names). */
    mouseCursor: "string",
    /** At most one pan or drag update per this many ms; the moves between are summed. Default 0 (every move). */
    dragInterval: "number",
    /** At most one hover event per this many ms. Default 0. */
    hoverInterval: "number",
  },
  events: {
    /** A tap (a click). `e.localPosition`, `e.globalPosition`. With `onDoubleTap` too, it waits to see there is no second tap, as in Flutter. */
    onTap: "json",
    /** Two taps in quick succession. */
    onDoubleTap: "none",
    /** A press held for 500 ms. */
    onLongPress: "none",
    /** A tap with the secondary (right) button. */
    onSecondaryTap: "none",
    /** A drag started: `e.localPosition`, `e.globalPosition`, `e.kind`. */
    onPanStart: "json",
    /** The pointer moved while dragging: `e.localDelta` (since the last update), `e.globalDelta`, `e.localPosition`. */
    onPanUpdate: "json",
    /** The drag ended: `e.velocity` in px per second. */
    onPanEnd: "json",
    /** The pointer moved over it (no button pressed): `e.localPosition`, `e.delta`. */
    onHover: "json",
    /** The pointer came over it. */
    onEnter: "json",
    /** The pointer left it. */
    onExit: "json",
  },
  slots: {
    /** What the gestures are detected on; without it the detector fills its parent. */
    content: "one",
  },
});
