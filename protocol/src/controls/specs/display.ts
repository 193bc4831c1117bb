import { defineSpec } from "../spec.ts";

/** Controls that show something: text, Markdown, icons, images, progress, dividers. */

export const Text = defineSpec({
  type: "Text",
  props: {
    /** The text shown. */
    value: "string",
    /** Font size in px; default the theme style's (14 for bodyMedium). */
    size: "number",
    /** The text's colour: `Colors.RED`, "#ff0000"… Default the theme's onSurface. */
    color: "color",
    /** `FontWeight.BOLD`, `FontWeight.W_600`, 600… */
    weight: "fontWeight",
    /** Draw the text in italics. Default false. */
    italic: "boolean",
    /** Whether the user can select the text. Default false. */
    selectable: "boolean",
    /** `TextAlign.START` / `END` follow the writing direction. */
    textAlign: "textAlign",
    /** Cut the text after this many lines, with an ellipsis. */
    maxLines: "number",
    /** Keep the text on one line (Flet's `no_wrap`). */
    noWrap: "boolean",
    /** A style of the Material 3 type scale: `TextThemeStyle.TITLE_LARGE`… (default bodyMedium). */
    themeStyle: "textThemeStyle",
    /**
     * A `TextStyle` (size, weight, colour, letter spacing…) on top of `themeStyle`. A string names
     * a type-scale style, as `themeStyle` does.
     */
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
    /** The icon's colour; default the colour of the text around it. */
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
    /**
     * How the image fills its box when both `width` and `height` are set (CSS `object-fit`):
     * "contain" shows all of it, "cover" fills the box and crops, "fill" stretches it.
     */
    fit: ["contain", "cover", "fill", "none", "scaleDown"],
    /** One radius for every corner, or `BorderRadius.only({ topLeft: 8 })`… */
    borderRadius: "borderRadius",
  },
  summary: ["alt", "src"],
});

export const ProgressBar = defineSpec({
  type: "ProgressBar",
  props: {
    /** 0..1; leave unset for an indeterminate bar. */
    value: "number",
    /** The colour of the bar's filled part; default the theme's primary. */
    color: "color",
    /** The colour of the track behind the bar; default the theme's secondaryContainer. */
    bgcolor: "color",
    /** The bar's thickness in px. Default 4. */
    barHeight: "number",
    /** Rounds the track's corners (px). */
    borderRadius: "number",
  },
  summary: ["value"],
});

export const Divider = defineSpec({
  type: "Divider",
  props: {
    /** The line's thickness, in px. Default 1. */
    thickness: "number",
    /** The line's colour; default the theme's outlineVariant. */
    color: "color",
    /** Empty space before the line, in px. */
    leadingIndent: "number",
    /** Empty space after the line, in px. */
    trailingIndent: "number",
  },
});

export const CircleAvatar = defineSpec({
  type: "CircleAvatar",
  props: {
    /** An image shown in the circle over everything else (a profile picture); on error `backgroundImageSrc` shows. */
    foregroundImageSrc: "string",
    /** An image behind the content (initials stay readable on it). */
    backgroundImageSrc: "string",
    /** The content's colour; default onPrimaryContainer. */
    color: "color",
    /** The circle's colour; default primaryContainer. */
    bgcolor: "color",
    /** Half the diameter, in px. Default 20. */
    radius: "number",
    /** The smallest radius, in px. */
    minRadius: "number",
    /** The largest radius, in px. */
    maxRadius: "number",
  },
  events: {
    /** Called when an image fails to load; `e.data` says which ("foreground" or "background"). */
    onImageError: "string",
  },
  slots: {
    /** Shown in the circle: usually initials (a string or a Text), or an Icon. */
    content: "text",
  },
  text: ["content"],
});
