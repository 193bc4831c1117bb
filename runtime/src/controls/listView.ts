import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new ListView(…)` takes: the props of ListView, each documented where the control registry declares it (@weft/protocol/controls). */
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
