import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

export interface SwitchProps extends PropsOf<"Switch", Switch> {}
export interface Switch extends FieldsOf<"Switch", Switch> {}

/** An on/off switch with an optional label. */
export class Switch extends Control {
  static {
    defineControl(this, controlSpecs.Switch);
  }
  constructor(props?: SwitchProps) {
    super(props);
  }
}
