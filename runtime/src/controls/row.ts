import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Row(…)` takes: the props of Row, each documented where the control registry declares it (@weft/protocol/controls). */
export interface RowProps extends PropsOf<"Row", Row> {}
export interface Row extends FieldsOf<"Row", Row> {}

/** Lays its children out horizontally: `new Row([a, b])`. Subclass it for reusable controls. */
export class Row extends Control {
  static {
    defineControl(this, controlSpecs.Row);
  }
  constructor(controls?: Control[] | RowProps, props?: RowProps) {
    super(withPrimary("controls", controls, props));
  }
}
