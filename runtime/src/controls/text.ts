import { Control, defineControl, type ControlProps } from "./control.ts";
import { withPrimary } from "./shorthand.ts";
import type { ColorValue } from "../constants/colors.ts";
import type { TextAlign, TextThemeStyle } from "../constants/textStyles.ts";
import type { TextStyle, TextStyleProps } from "../style/textStyle.ts";

/** What `new Text({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface TextProps extends ControlProps {
  value?: string;
  size?: number;
  color?: ColorValue;
  weight?: "normal" | "bold" | number | `w${number}`;
  italic?: boolean;
  selectable?: boolean;
  /** `TextAlign.START` / `END` follow the writing direction. */
  textAlign?: TextAlign;
  maxLines?: number;
  /** Keep the text on one line (Flet's `no_wrap`). */
  noWrap?: boolean;
  /** A style of the Material 3 type scale: `TextThemeStyle.TITLE_LARGE`… (default bodyMedium). */
  themeStyle?: TextThemeStyle;
  /**
   * A `TextStyle` (size, weight, colour, letter spacing…) on top of `themeStyle`. A string names
   * a type-scale style, as `themeStyle` does.
   */
  style?: TextStyle | TextStyleProps | TextThemeStyle;
}

export interface Text extends TextProps {}

/** A run of text. `new Text("Hello", { size: 20 })`. */
export class Text extends Control {
  static {
    defineControl(this, {
      type: "Text",
      props: ["value", "size", "color", "weight", "italic", "selectable", "textAlign", "maxLines", "noWrap", "themeStyle", "style"],
    });
  }
  constructor(value?: string | TextProps, props?: TextProps) {
    super(withPrimary("value", value, props));
  }
}
