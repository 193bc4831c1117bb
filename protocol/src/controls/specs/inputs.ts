import { defineSpec } from "../spec.ts";

/** Controls the user types into or picks with: fields, ticks, switches, sliders, radios, dropdowns. */

export const TextField = defineSpec({
  type: "TextField",
  props: {
    /** The text; the browser sets it as the user types. */
    value: "string",
    /** The field's name, drawn inside the box and floating above it once there is text. */
    label: "string",
    /** Shown in the empty field. */
    hint: "string",
    /** Hide the text as dots. */
    password: "boolean",
    /** With `password`, show an eye button that reveals the text. */
    canRevealPassword: "boolean",
    /** A `<textarea>` instead of an `<input>`. */
    multiline: "boolean",
    minLines: "number",
    maxLines: "number",
    readOnly: "boolean",
    /** Take the keyboard focus when shown. */
    autofocus: "boolean",
    /** Text before the input, inside the box. */
    prefix: "string",
    /** Text after the input, inside the box. */
    suffix: "string",
    /** Shown under the field in the error colour; the box turns red. */
    errorText: "string",
    /** The keyboard a phone shows. Default "text". */
    keyboardType: ["text", "number", "email", "url", "phone"],
  },
  events: {
    /** Called on every edit; `e.control.value` holds the text. */
    onChange: "string",
    /** Called on Enter (Ctrl+Enter when multiline). */
    onSubmit: "string",
    onFocus: "none",
    onBlur: "none",
  },
  client: ["value"],
  text: ["value", "label"],
  summary: ["value", "label", "hint"],
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
    label: "string",
    /** "right" (default) puts the label after the switch, "left" before it. */
    labelPosition: ["left", "right"],
    /** The track's colour while on. */
    activeColor: "color",
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
    /** What the RadioGroup's `value` becomes when this one is picked. */
    value: "string",
    label: "string",
    activeColor: "color",
  },
  text: ["value", "label"],
  summary: ["label", "value"],
});

export const RadioGroup = defineSpec({
  type: "RadioGroup",
  props: {
    /** The `value` of the picked Radio; the browser sets it when the user picks one. */
    value: "string",
  },
  events: {
    /** Called after the user picked a Radio; `e.data` is its value. */
    onChange: "string",
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
    label: "string",
    /** Shown while nothing is selected. */
    hint: "string",
  },
  events: {
    /** Called after the user picked an option; `e.data` is its key. */
    onChange: "string",
  },
  client: ["value"],
  text: ["value", "label"],
  summary: ["value", "label"],
});
