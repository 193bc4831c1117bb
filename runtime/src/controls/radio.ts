import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** What `new Radio(…)` takes: the props of Radio, each documented where the control registry declares it (@weft/protocol/controls). */
export interface RadioProps extends PropsOf<"Radio", Radio> {}
export interface Radio extends FieldsOf<"Radio", Radio> {}

/** One choice of the RadioGroup it stands in (anywhere under the group's `content`). */
export class Radio extends Control {
  static {
    defineControl(this, controlSpecs.Radio);
  }
  constructor(props?: RadioProps) {
    super(props);
  }
}
