import { Control, defineControl, type ControlProps } from "./control.ts";
import { withPrimary } from "./shorthand.ts";

export interface TextProps extends ControlProps {
  value?: string;
  size?: number;
  color?: string;
  weight?: "normal" | "bold" | number;
  italic?: boolean;
  selectable?: boolean;
  textAlign?: "left" | "center" | "right" | "justify";
  maxLines?: number;
  /** A preset: "displayLarge" … "bodySmall", "labelLarge", "titleMedium"… */
  style?: string;
}

export interface Text extends TextProps {}

/** A run of text. `new Text("Hello", { size: 20 })`. */
export class Text extends Control {
  static {
    defineControl(this, {
      type: "Text",
      props: ["value", "size", "color", "weight", "italic", "selectable", "textAlign", "maxLines", "style"],
    });
  }
  constructor(value?: string | TextProps, props?: TextProps) {
    super(withPrimary("value", value, props));
  }
}
