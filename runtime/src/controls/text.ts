import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Text(…)` takes: the props of Text, each documented where the control registry declares it (@weft/protocol/controls). */
export interface TextProps extends PropsOf<"Text", Text> {}
export interface Text extends FieldsOf<"Text", Text> {}

/** A run of text. `new Text("Hello", { size: 20 })`. */
export class Text extends Control {
  static {
    defineControl(this, controlSpecs.Text);
  }
  constructor(value?: string | TextProps, props?: TextProps) {
    super(withPrimary("value", value, props));
  }
}
