import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** What `new Container(…)` takes: the props of Container, each documented where the control registry declares it (@weft/protocol/controls). */
export interface ContainerProps extends PropsOf<"Container", Container> {}
export interface Container extends FieldsOf<"Container", Container> {}

/** A box around one child: padding, colour, border, and an optional click handler. */
export class Container extends Control {
  static {
    defineControl(this, controlSpecs.Container);
  }
  constructor(props?: ContainerProps) {
    super(props);
  }
}
