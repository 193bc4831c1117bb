import { defineSpec } from "../spec.ts";

/** Buttons. */

export const Button = defineSpec({
  type: "Button",
  props: {
    /** The label. */
    text: "string",
    /** A Material icon name shown before the label. */
    icon: "icon",
    /** Material button styles. Default "elevated": Flet's `Button` is Flutter's ElevatedButton. */
    variant: ["filled", "elevated", "tonal", "outlined", "text"],
    /** The label's (and icon's) colour. */
    color: "color",
    bgcolor: "color",
  },
  events: {
    /** Called when the button is clicked. */
    onClick: "none",
  },
  text: ["text"],
  summary: ["text", "icon", "tooltip"],
});

export const IconButton = defineSpec({
  type: "IconButton",
  props: {
    /** A Material icon name, e.g. "delete". */
    icon: "icon",
    /** The icon shown while `selected` (a toggle button). */
    selectedIcon: "icon",
    iconColor: "color",
    /** In px. Default 24. */
    iconSize: "number",
    /** A toggle button's state; the app sets it (usually in onClick). */
    selected: "boolean",
    /** Material 3 icon button styles. Default "standard". */
    variant: ["standard", "filled", "tonal", "outlined"],
    bgcolor: "color",
  },
  events: {
    /** Called when the button is clicked. */
    onClick: "none",
  },
  summary: ["icon", "tooltip"],
});
