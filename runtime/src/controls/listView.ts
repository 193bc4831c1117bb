import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

export interface ListViewProps extends PropsOf<"ListView", ListView> {}
export interface ListView extends FieldsOf<"ListView", ListView> {}

/** A scrolling list of children. */
export class ListView extends Control {
  static {
    defineControl(this, controlSpecs.ListView);
  }
  constructor(controls?: Control[] | ListViewProps, props?: ListViewProps) {
    super(withPrimary("controls", controls, props));
  }
}
