import { defineSpec } from "../spec.ts";

/** Buttons: Material 3's common buttons, the icon button, the floating action button, the popup menu. */

export const Button = defineSpec({
  type: "Button",
  props: {
    /** The icon's colour; default the label's. */
    iconColor: "color",
    /** The label's (and icon's) colour; default the scheme's primary (onPrimary on a FilledButton). */
    color: "color",
    /** The button's background; default the variant's (surfaceContainerLow for Button). */
    bgcolor: "color",
    /** Shadow depth, 0–5. Default 1 for Button, 0 for the others. */
    elevation: "number",
    /** Take the keyboard focus when first shown. */
    autofocus: "boolean",
    /** A URL to open (in a new tab) when the button is clicked; `onClick` fires too. */
    url: "string",
    /**
     * Material button styles.
     * @deprecated Use the classes, as in Flet: `FilledButton`, `FilledTonalButton`, `OutlinedButton`, `TextButton`; `Button` is elevated.
     */
    variant: ["filled", "elevated", "tonal", "outlined", "text"],
  },
  events: {
    /** Called when the button is clicked. */
    onClick: "none",
    /** Called when the button is pressed for long (500 ms). */
    onLongPress: "none",
    /** Called when the pointer enters (`e.data` true) or leaves (false) the button. */
    onHover: "boolean",
    /** Called when the button takes the keyboard focus (a Tab key press, a click). */
    onFocus: "none",
    /** Called when the button loses the keyboard focus. */
    onBlur: "none",
  },
  slots: {
    /** The label: a string (`new Button("7")`) or any control (a Row of an icon and a Text…). */
    content: "text",
    /** An icon before the label: an icon name (`Icons.ADD`) or a control. */
    icon: "icon",
  },
  text: ["content"],
  summary: ["content", "icon", "tooltip"],
});

/** Material 3's filled button: the scheme's primary behind onPrimary text; for the most important action. */
export const FilledButton = defineSpec({ type: "FilledButton", base: Button });
/** A filled button in the secondary container colour: between FilledButton and OutlinedButton in emphasis. */
export const FilledTonalButton = defineSpec({ type: "FilledTonalButton", base: Button });
/** A transparent button with an outline: medium emphasis. */
export const OutlinedButton = defineSpec({ type: "OutlinedButton", base: Button });
/** A button with no container: the lowest emphasis, for dialogs' and cards' actions. */
export const TextButton = defineSpec({ type: "TextButton", base: Button });

export const IconButton = defineSpec({
  type: "IconButton",
  props: {
    /** A Material icon name, e.g. "delete". */
    icon: "icon",
    /** The icon shown while `selected` (a toggle button). */
    selectedIcon: "icon",
    /** The icon's colour; default the variant's (the theme's onPrimary on "filled"). */
    iconColor: "color",
    /** In px. Default 24. */
    iconSize: "number",
    /** A toggle button's state; the app sets it (usually in onClick). */
    selected: "boolean",
    /** Material 3 icon button styles. Default "standard". */
    variant: ["standard", "filled", "tonal", "outlined"],
    /** The button's background colour, over the variant's (none for "standard"). */
    bgcolor: "color",
  },
  events: {
    /** Called when the button is clicked. */
    onClick: "none",
  },
  summary: ["icon", "tooltip"],
});

export const FloatingActionButton = defineSpec({
  type: "FloatingActionButton",
  props: {
    /** Default the scheme's primaryContainer. */
    bgcolor: "color",
    /** The icon's and label's colour; default onPrimaryContainer. */
    foregroundColor: "color",
    /** 40 px instead of 56. */
    mini: "boolean",
    /** Shadow depth, 0–5. Default 3 (Material 3's FAB). */
    elevation: "number",
    /** Take the keyboard focus when first shown. */
    autofocus: "boolean",
    /** A URL to open when clicked; `onClick` fires too. */
    url: "string",
  },
  events: {
    /** Called when the button is clicked. */
    onClick: "none",
  },
  slots: {
    /** A label: with it the button is an extended FAB (icon and label, as wide as they need). */
    content: "text",
    /** The icon: an icon name (`Icons.ADD`) or a control. */
    icon: "icon",
  },
  text: ["content"],
  summary: ["content", "icon", "tooltip"],
});

export const PopupMenuItem = defineSpec({
  type: "PopupMenuItem",
  props: {
    /** Shows a check mark before the content. */
    checked: "boolean",
    /** Space around the item's content, in px or `Padding.symmetric({ horizontal: 12 })`. Default 12 on every side. */
    padding: "spacing",
  },
  events: {
    /** Called when the item is picked; the menu closes. */
    onClick: "none",
  },
  slots: {
    /** The item's text or control. An item with neither content nor icon is a divider. */
    content: "text",
    /** An icon before the content. */
    icon: "icon",
  },
  text: ["content"],
});

export const PopupMenuButton = defineSpec({
  type: "PopupMenuButton",
  props: {
    /** The menu's background; default surfaceContainer. */
    bgcolor: "color",
    /** The colour of the button's own icon (the three dots by default). */
    iconColor: "color",
    /** In px. Default 24. */
    iconSize: "number",
    /** The menu's shadow depth, 0–5. Default 3 (Flutter's 8 dp). */
    elevation: "number",
    /** Where the menu opens: "over" the button (default, as Flutter) or "under" it. */
    menuPosition: ["over", "under"],
  },
  events: {
    /** Called when the menu opens. */
    onOpen: "none",
    /** Called when the menu closes without a pick (Escape, a click outside). */
    onCancel: "none",
    /** Called after an item was picked (after the item's own `onClick`); `e.data` is that PopupMenuItem. */
    onSelect: "number",
  },
  slots: {
    /** The menu's items. */
    items: "list",
    /** Drawn instead of the "more" icon: a string or any control. */
    content: "text",
    /** The button's icon instead of "more_vert". */
    icon: "icon",
  },
  summary: ["tooltip", "content", "icon"],
});
