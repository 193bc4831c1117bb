import { defineSpec } from "../spec.ts";

/** Controls that show something: text, Markdown, icons, images, progress, dividers. */

export const Text = defineSpec({
  type: "Text",
  props: {
    /** The text shown. */
    value: "string",
    /** Font size in px; default the theme style's (14 for bodyMedium). */
    size: "number",
    color: "color",
    weight: "fontWeight",
    italic: "boolean",
    /** Whether the user can select the text. Default false. */
    selectable: "boolean",
    textAlign: "textAlign",
    /** Cut the text after this many lines, with an ellipsis. */
    maxLines: "number",
    /** A preset: "displayLarge" … "bodySmall", "labelLarge", "titleMedium"… */
    style: "textStyle",
  },
  text: ["value"],
});

export const Markdown = defineSpec({
  type: "Markdown",
  props: {
    /** CommonMark text with GitHub tables and strikethrough. HTML in it is shown as text, never run. */
    value: "string",
    /** Default true. */
    selectable: "boolean",
  },
  events: {
    /**
     * Called with the link's URL when a link is clicked, instead of opening it. Without it, links
     * open in a new tab.
     */
    onTapLink: "string",
  },
  text: ["value"],
});

export const Icon = defineSpec({
  type: "Icon",
  props: {
    /** A Material icon name in snake_case, e.g. "delete", "check_circle". */
    name: "icon",
    color: "color",
    /** In px. Default 24. */
    size: "number",
  },
  summary: ["name"],
});

export const Image = defineSpec({
  type: "Image",
  props: {
    /** A URL (or a data: URL). */
    src: "string",
    /** Said by screen readers, and shown if the image fails to load. */
    alt: "string",
    fit: ["contain", "cover", "fill", "none", "scaleDown"],
    borderRadius: "borderRadius",
  },
  summary: ["alt", "src"],
});

export const ProgressBar = defineSpec({
  type: "ProgressBar",
  props: {
    /** 0..1; leave unset for an indeterminate bar. */
    value: "number",
    color: "color",
    bgcolor: "color",
    /** The bar's thickness in px. Default 4. */
    barHeight: "number",
  },
  summary: ["value"],
});

export const Divider = defineSpec({
  type: "Divider",
  props: {
    /** The line's thickness, in px. Default 1. */
    thickness: "number",
    color: "color",
    /** Empty space before the line, in px. */
    leadingIndent: "number",
    /** Empty space after the line, in px. */
    trailingIndent: "number",
  },
});
