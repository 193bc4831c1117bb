import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Image(…)` takes: the props of Image, each documented where the control registry declares it (@weft/protocol/controls). */
export interface ImageProps extends PropsOf<"Image", Image> {}
export interface Image extends FieldsOf<"Image", Image> {}

/** An image by URL (or data: URL). */
export class Image extends Control {
  static {
    defineControl(this, controlSpecs.Image);
  }
  constructor(src?: string | ImageProps, props?: ImageProps) {
    super(withPrimary("src", src, props));
  }
}
