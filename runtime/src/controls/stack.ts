import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Stack(…)` takes: the props of Stack, each documented where the control registry declares it (@weft/protocol/controls). */
export interface StackProps extends PropsOf<"Stack", Stack> {}
export interface Stack extends FieldsOf<"Stack", Stack> {}

/** Children drawn over one another: `new Stack([image, new Text("Caption", { left: 8, bottom: 8 })])`. */
export class Stack extends Control {
  static {
    defineControl(this, controlSpecs.Stack);
  }
  constructor(controls?: Control[] | StackProps, props?: StackProps) {
    super(withPrimary("controls", controls, props));
  }
}
