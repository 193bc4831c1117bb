import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Column(…)` takes: the props of Column, each documented where the control registry declares it (@weft/protocol/controls). */
export interface ColumnProps extends PropsOf<"Column", Column> {}
export interface Column extends FieldsOf<"Column", Column> {}

/** Lays its children out vertically: `new Column([a, b], { spacing: 8 })`. */
export class Column extends Control {
  static {
    defineControl(this, controlSpecs.Column);
  }
  constructor(controls?: Control[] | ColumnProps, props?: ColumnProps) {
    super(withPrimary("controls", controls, props));
  }
}
