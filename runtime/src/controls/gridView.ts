import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new GridView(…)` takes: the props of GridView, each documented where the control registry declares it (@weft/protocol/controls). */
export interface GridViewProps extends PropsOf<"GridView", GridView> {}
export interface GridView extends FieldsOf<"GridView", GridView> {}

/** A scrolling grid of equal tiles: `new GridView(tiles, { maxExtent: 150, spacing: 8 })`. */
export class GridView extends Control {
  static {
    defineControl(this, controlSpecs.GridView);
  }
  constructor(controls?: Control[] | GridViewProps, props?: GridViewProps) {
    super(withPrimary("controls", controls, props));
  }
}
