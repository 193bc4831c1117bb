import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new IconButton(…)` takes: the props of IconButton, each documented where the control registry declares it (@weft/protocol/controls). */
export interface IconButtonProps extends PropsOf<"IconButton", IconButton> {}
export interface IconButton extends FieldsOf<"IconButton", IconButton> {}

/** A round button showing one icon: `new IconButton("delete", { onClick, tooltip: "Delete" })`. */
export class IconButton extends Control {
  static {
    defineControl(this, controlSpecs.IconButton);
  }
  constructor(icon?: string | IconButtonProps, props?: IconButtonProps) {
    super(withPrimary("icon", icon, props));
  }
}
