import type { ColorValue } from "../constants/colors.ts";
import type { FontWeight } from "../constants/textStyles.ts";

/** What `new TextStyle({ … })` takes (Flet's `ft.TextStyle`); an unset field keeps the theme's. */
export interface TextStyleProps {
  /** Font size in px. */
  size?: number;
  /** Line height as a multiple of the size (Flutter's `height`). */
  height?: number;
  /** How heavy the letters are: `FontWeight.BOLD`, "normal", "bold", 100–900. */
  weight?: FontWeight | "normal" | "bold" | number;
  /** Italic letters. */
  italic?: boolean;
  /** The text's colour. */
  color?: ColorValue;
  /** The colour behind the text (a highlighter). */
  bgcolor?: ColorValue;
  /** A font family name the browser knows, e.g. "Georgia", or "monospace". */
  fontFamily?: string;
  /** Extra space between letters, in px (negative: tighter). */
  letterSpacing?: number;
  /** Extra space between words, in px. */
  wordSpacing?: number;
  /** A line along the text: "underline", "overline", "lineThrough" (struck through), or "none". */
  decoration?: "none" | "underline" | "overline" | "lineThrough";
  /** The colour of that line; default the text's. */
  decorationColor?: ColorValue;
}

export interface TextStyle extends TextStyleProps {}

/** Flet's `TextStyle`: `new Text("Hi", { style: new TextStyle({ size: 20, color: Colors.RED }) })`. */
export class TextStyle {
  constructor(props: TextStyleProps = {}) {
    Object.assign(this, props);
  }
}
