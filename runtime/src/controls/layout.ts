/** Shared vocabulary of the flex layouts (Row, Column, View). */
/** How a flex layout spreads its children along its axis (horizontally in a Row), as in Flutter. */
export type MainAxisAlignment = "start" | "end" | "center" | "spaceBetween" | "spaceAround" | "spaceEvenly";
/** Where children sit across a flex layout's axis (vertically in a Row); `"stretch"` fills it. */
export type CrossAxisAlignment = "start" | "end" | "center" | "stretch" | "baseline";
/** Padding or margin: one number for all sides, or per side. */
export type Spacing = number | { left?: number; top?: number; right?: number; bottom?: number };
/**
 * Flet's ScrollMode: "auto" (a scrollbar when needed), "always", "adaptive", "hidden" (scrolls
 * without a scrollbar). `true` means "auto", as in weft before.
 */
export type ScrollMode = "auto" | "always" | "adaptive" | "hidden" | boolean;
