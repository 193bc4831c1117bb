import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

export interface RadioGroupProps extends PropsOf<"RadioGroup", RadioGroup> {}
export interface RadioGroup extends FieldsOf<"RadioGroup", RadioGroup> {}

/** Groups the Radios under its `content`: at most one is picked, and its value is the group's. */
export class RadioGroup extends Control {
  static {
    defineControl(this, controlSpecs.RadioGroup);
  }
  constructor(props?: RadioGroupProps) {
    super(props);
  }
}
