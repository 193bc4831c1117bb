import { defineSpec } from "../spec.ts";

/** Controls that lay children out. */

export const Column = defineSpec({
  type: "Column",
  props: {
    /** Space between the children, in px. */
    spacing: "number",
    /** How the children share the height. Default "start". */
    alignment: "mainAxis",
    /** Where the children sit across. Default "start". */
    horizontalAlignment: "crossAxis",
    /** Scroll when the children overflow. */
    scroll: "scroll",
    /** Wrap the children into more columns when they do not fit. */
    wrap: "boolean",
    /**
     * Take only the height the children need, never more: a Column in a dialog, a Row's
     * stretched child. Default false (Flet's: the children share all the height given).
     */
    tight: "boolean",
  },
  slots: {
    /** The children, top to bottom: `column.controls.push(new Text({ value: "new" }))`, then `page.update()`. */
    controls: "list",
  },
});

export const Row = defineSpec({
  type: "Row",
  props: {
    /** Space between the children, in px. */
    spacing: "number",
    /** How the children share the width. Default "start". */
    alignment: "mainAxis",
    /** Where the children sit across. Default "center". */
    verticalAlignment: "crossAxis",
    /** Scroll when the children overflow. */
    scroll: "scroll",
    /** Wrap the children onto more lines when they do not fit. */
    wrap: "boolean",
    /** Take only the width the children need, never more. Default false. */
    tight: "boolean",
  },
  slots: {
    /** The children, left to right. */
    controls: "list",
  },
});

export const Container = defineSpec({
  type: "Container",
  props: {
    /**
     * Space between the box's edge and its child, in px: `16`,
     * `Padding.symmetric({ horizontal: 8 })`, `Padding.only({ left: 4 })`.
     */
    padding: "spacing",
    /** Space outside the box, in px (a number or `Margin.only({ top: 8 })`). */
    margin: "spacing",
    /** The box's background colour: `Colors.AMBER_100`, "#eee". Default none (transparent). */
    bgcolor: "color",
    /** One radius for every corner, or `BorderRadius.only({ topLeft: 8 })`… */
    borderRadius: "borderRadius",
    /** `Border.all(2, Colors.RED)`, …, or a CSS border such as "1px solid #ccc". */
    border: "border",
    /** Where the child sits inside the box. */
    alignment: "alignment",
    /** Show a ripple/hover effect when clickable. */
    ink: "boolean",
  },
  events: {
    /** Called when the box is clicked. */
    onClick: "none",
  },
  slots: {
    /** The one child the box holds. */
    content: "one",
  },
});

export const ListView = defineSpec({
  type: "ListView",
  props: {
    /** Space between the children, in px. */
    spacing: "number",
    /** Space between the view's edge and its children, in px. */
    padding: "spacing",
    /** Keep the view scrolled to the end as children are added (a chat log). */
    autoScroll: "boolean",
    /** Lay the children out in a row instead of a column. */
    horizontal: "boolean",
  },
  slots: {
    /** The children, in order; only the ones scrolled into view are drawn. */
    controls: "list",
  },
});

export const GridView = defineSpec({
  type: "GridView",
  props: {
    /** A fixed number of columns. */
    runsCount: "number",
    /** Or: as many columns as fit with each at most this wide, in px (Flutter's maxCrossAxisExtent). */
    maxExtent: "number",
    /** Space between columns, in px. */
    spacing: "number",
    /** Space between rows, in px. */
    runSpacing: "number",
    /** Width / height of each tile. Default 1 (square). */
    childAspectRatio: "number",
    /** Space between the grid's edge and its tiles, in px. */
    padding: "spacing",
  },
  slots: {
    /** The tiles, row by row. */
    controls: "list",
  },
});

export const Stack = defineSpec({
  type: "Stack",
  props: {
    /** Where children without offsets sit. Default "topLeft". */
    alignment: "alignment",
    /** Clip children that reach past the stack's edges. Default true. */
    clip: "boolean",
  },
  slots: {
    /**
     * Drawn on top of each other, the last on top. A child with `left`, `top`, `right` or
     * `bottom` set is placed at those offsets from the stack's edges; the others are placed by
     * `alignment` and give the stack its size.
     */
    controls: "list",
  },
});

export const Card = defineSpec({
  type: "Card",
  props: {
    /** Shadow depth, 0–5. Default 1 (elevated), 0 for "filled" and "outlined". */
    elevation: "number",
    /** Material 3 card styles. Default "elevated". */
    variant: ["elevated", "filled", "outlined"],
    /** Background colour. */
    color: "color",
    /** Space outside the card, in px (a number or `Margin.only({ top: 8 })`). */
    margin: "spacing",
    /** Corner radius in px. Default 12. */
    borderRadius: "borderRadius",
  },
  slots: {
    /** What the card shows: typically a Container with padding around a Column. */
    content: "one",
  },
});

export const SafeArea = defineSpec({
  type: "SafeArea",
  props: {
    /** Keep clear of what the device puts on the left (a notch in landscape). Default true. */
    avoidIntrusionsLeft: "boolean",
    /** Keep clear of the status bar and notch at the top. Default true. */
    avoidIntrusionsTop: "boolean",
    /** Default true. */
    avoidIntrusionsRight: "boolean",
    /** Keep clear of the home indicator at the bottom. Default true. */
    avoidIntrusionsBottom: "boolean",
    /** Padding at least this large on each side, whatever the device's insets. Default 0. */
    minimumPadding: "spacing",
    /** Keep the bottom inset while a keyboard covers it (Flutter's viewPadding). Default false. */
    maintainBottomViewPadding: "boolean",
  },
  slots: {
    /** The control kept clear of the device's notches, status bar and home indicator. */
    content: "one",
  },
});
