import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Icon(…)` takes: the props of Icon, each documented where the control registry declares it (@weft/protocol/controls). */
export interface IconProps extends PropsOf<"Icon", Icon> {}
export interface Icon extends FieldsOf<"Icon", Icon> {}

/** A Material icon by name. */
export class Icon extends Control {
  static {
    defineControl(this, controlSpecs.Icon);
  }
  constructor(name?: string | IconProps, props?: IconProps) {
    super(withPrimary("name", name, props));
  }
}
