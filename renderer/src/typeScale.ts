import type { CSSProperties } from "react";

/**
 * Material 3's type scale as Flutter's `Typography.material2021` sets it: font size, line
 * height and letter spacing in px, and weight. Flet's `TextThemeStyle` names the entries; a Text
 * without one is bodyMedium, Flutter's default text style.
 */
const SCALE: Readonly<Record<string, readonly [size: number, lineHeight: number, weight: number, tracking: number]>> = {
  displaylarge: [57, 64, 400, -0.25],
  displaymedium: [45, 52, 400, 0],
  displaysmall: [36, 44, 400, 0],
  headlinelarge: [32, 40, 400, 0],
  headlinemedium: [28, 36, 400, 0],
  headlinesmall: [24, 32, 400, 0],
  titlelarge: [22, 28, 400, 0],
  titlemedium: [16, 24, 500, 0.15],
  titlesmall: [14, 20, 500, 0.1],
  labellarge: [14, 20, 500, 0.1],
  labelmedium: [12, 16, 500, 0.5],
  labelsmall: [11, 16, 500, 0.5],
  bodylarge: [16, 24, 400, 0.5],
  bodymedium: [14, 20, 400, 0.25],
  bodysmall: [12, 16, 400, 0.4],
};

/** A type-scale style by Flet's name in any spelling (`titleLarge`, `TITLE_LARGE`, `title_large`). */
export function typeScaleStyle(name: unknown): CSSProperties | undefined {
  if (typeof name !== "string") return undefined;
  const entry = SCALE[name.toLowerCase().replace(/[_\s-]/g, "")];
  if (!entry) return undefined;
  const [size, lineHeight, weight, tracking] = entry;
  // Line height as a ratio, as Flutter's `height`: a `size` set on top keeps the proportion.
  return { fontSize: size, lineHeight: String(lineHeight / size), fontWeight: weight, letterSpacing: `${tracking}px` };
}
