import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** What `new Checkbox(…)` takes: the props of Checkbox, each documented where the control registry declares it (@weft/protocol/controls). */
export interface CheckboxProps extends PropsOf<"Checkbox", Checkbox> {}
export interface Checkbox extends FieldsOf<"Checkbox", Checkbox> {}

/** A tick box with an optional label; `value` is the tick. */
export class Checkbox extends Control {
  static {
    defineControl(this, controlSpecs.Checkbox);
  }
  constructor(props?: CheckboxProps) {
    super(props);
  }
}
