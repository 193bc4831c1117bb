/** Shared vocabulary of the flex layouts (Row, Column, View), as Flet's enums: `MainAxisAlignment.SPACE_BETWEEN`. */

/** How children share a Row's or Column's main axis. Flet writes `space_between`; both spellings are read. */
export const MainAxisAlignment = {
  START: "start",
  END: "end",
  CENTER: "center",
  SPACE_BETWEEN: "spaceBetween",
  SPACE_AROUND: "spaceAround",
  SPACE_EVENLY: "spaceEvenly",
} as const;
export type MainAxisAlignment = (typeof MainAxisAlignment)[keyof typeof MainAxisAlignment];

/** Where children sit across a Row's or Column's main axis. */
export const CrossAxisAlignment = {
  START: "start",
  END: "end",
  CENTER: "center",
  STRETCH: "stretch",
  BASELINE: "baseline",
} as const;
export type CrossAxisAlignment = (typeof CrossAxisAlignment)[keyof typeof CrossAxisAlignment];

/** Padding or margin: one number for all sides, or per side (`Padding.all(8)` is one of those). */
export type Spacing = number | { left?: number; top?: number; right?: number; bottom?: number };

/**
 * Flet's ScrollMode: "auto" (a scrollbar when needed), "always", "adaptive", "hidden" (scrolls
 * without a scrollbar). `true` means "auto", as in weft before.
 */
export const ScrollMode = {
  AUTO: "auto",
  ALWAYS: "always",
  ADAPTIVE: "adaptive",
  HIDDEN: "hidden",
} as const;
export type ScrollMode = (typeof ScrollMode)[keyof typeof ScrollMode] | boolean;

/** The keyboard a phone shows for a TextField (Flet's KeyboardType, the ones a browser can ask for). */
export const KeyboardType = {
  TEXT: "text",
  NUMBER: "number",
  EMAIL: "email",
  URL: "url",
  PHONE: "phone",
} as const;
export type KeyboardType = (typeof KeyboardType)[keyof typeof KeyboardType];
