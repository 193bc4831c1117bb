import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** What `new RadioGroup(…)` takes: the props of RadioGroup, each documented where the control registry declares it (@weft/protocol/controls). */
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
