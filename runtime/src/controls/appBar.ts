import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** What `new AppBar(…)` takes: the props of AppBar, each documented where the control registry declares it (@weft/protocol/controls). */
export interface AppBarProps extends PropsOf<"AppBar", AppBar> {}
export interface AppBar extends FieldsOf<"AppBar", AppBar> {}

/** The bar at the top of a View: `new View({ appbar: new AppBar({ title: "Inbox" }), controls })`. */
export class AppBar extends Control {
  static {
    defineControl(this, controlSpecs.AppBar);
  }
  constructor(props?: AppBarProps) {
    super(props);
  }
}
