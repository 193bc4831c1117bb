import type { ColorValue } from "../constants/colors.ts";
import type { FontWeight } from "../constants/textStyles.ts";

/** What `new TextStyle({ … })` takes (Flet's `ft.TextStyle`); an unset field keeps the theme's. */
export interface TextStyleProps {
  size?: number;
  /** Line height as a multiple of the size (Flutter's `height`). */
  height?: number;
  weight?: FontWeight | "normal" | "bold" | number;
  italic?: boolean;
  color?: ColorValue;
  bgcolor?: ColorValue;
  fontFamily?: string;
  letterSpacing?: number;
  wordSpacing?: number;
  decoration?: "none" | "underline" | "overline" | "lineThrough";
  decorationColor?: ColorValue;
}

export interface TextStyle extends TextStyleProps {}

/** Flet's `TextStyle`: `new Text("Hi", { style: new TextStyle({ size: 20, color: Colors.RED }) })`. */
export class TextStyle {
  constructor(props: TextStyleProps = {}) {
    Object.assign(this, props);
  }
}
