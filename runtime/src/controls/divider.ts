import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** What `new Divider(…)` takes: the props of Divider, each documented where the control registry declares it (@weft/protocol/controls). */
export interface DividerProps extends PropsOf<"Divider", Divider> {}
export interface Divider extends FieldsOf<"Divider", Divider> {}

/** A thin horizontal line across its parent, with space above and below (`height`, default 16). */
export class Divider extends Control {
  static {
    defineControl(this, controlSpecs.Divider);
  }
  constructor(props?: DividerProps) {
    super(props);
  }
}
