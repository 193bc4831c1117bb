/**
 * Flet's text enums. Values are Flet's wire strings; the renderer also accepts weft's older
 * spellings ("left", "right", snake_case style names).
 */

/** How a Text lines up: `TextAlign.START` / `END` follow the writing direction, as in Flutter. */
export const TextAlign = {
  LEFT: "left",
  RIGHT: "right",
  CENTER: "center",
  JUSTIFY: "justify",
  START: "start",
  END: "end",
} as const;
export type TextAlign = (typeof TextAlign)[keyof typeof TextAlign];

/** The Material 3 type scale (`Text.themeStyle`): each a size, weight, line height and tracking. */
export const TextThemeStyle = {
  DISPLAY_LARGE: "displayLarge",
  DISPLAY_MEDIUM: "displayMedium",
  DISPLAY_SMALL: "displaySmall",
  HEADLINE_LARGE: "headlineLarge",
  HEADLINE_MEDIUM: "headlineMedium",
  HEADLINE_SMALL: "headlineSmall",
  TITLE_LARGE: "titleLarge",
  TITLE_MEDIUM: "titleMedium",
  TITLE_SMALL: "titleSmall",
  LABEL_LARGE: "labelLarge",
  LABEL_MEDIUM: "labelMedium",
  LABEL_SMALL: "labelSmall",
  BODY_LARGE: "bodyLarge",
  BODY_MEDIUM: "bodyMedium",
  BODY_SMALL: "bodySmall",
} as const;
export type TextThemeStyle = (typeof TextThemeStyle)[keyof typeof TextThemeStyle];

/** Flet's font weights: `FontWeight.BOLD`, `FontWeight.W_600`… */
export const FontWeight = {
  NORMAL: "normal",
  BOLD: "bold",
  W_100: "w100",
  W_200: "w200",
  W_300: "w300",
  W_400: "w400",
  W_500: "w500",
  W_600: "w600",
  W_700: "w700",
  W_800: "w800",
  W_900: "w900",
} as const;
export type FontWeight = (typeof FontWeight)[keyof typeof FontWeight];
