import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

export interface ButtonProps extends PropsOf<"Button", Button> {}
export interface Button extends FieldsOf<"Button", Button> {}

/** A push button: `new Button("Save", { onClick })`. */
export class Button extends Control {
  static {
    defineControl(this, controlSpecs.Button);
  }
  constructor(text?: string | ButtonProps, props?: ButtonProps) {
    super(withPrimary("text", text, props));
  }
}
