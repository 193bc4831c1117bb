import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** What `new View(…)` takes: the props of View, each documented where the control registry declares it (@weft/protocol/controls). */
export interface ViewProps extends PropsOf<"View", View> {}
export interface View extends FieldsOf<"View", View> {}

/** One screen of the page. `page.views` is a stack of them; the top one is shown. */
export class View extends Control {
  static {
    defineControl(this, controlSpecs.View);
  }
  constructor(props?: ViewProps) {
    super(props);
  }
}
