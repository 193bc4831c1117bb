import { controlSpecs } from "@weft/protocol/controls";
import { defineControl } from "./control.ts";
import { DialogControl } from "./dialogControl.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** What `new Banner(…)` takes: the props of Banner, each documented where the control registry declares it (@weft/protocol/controls). */
export interface BannerProps extends PropsOf<"Banner", Banner> {}
export interface Banner extends FieldsOf<"Banner", Banner> {}

/**
 * Material's banner: a prominent message at the top of the page that stays until an action
 * closes it (`page.closeDialog(banner)`); the user cannot dismiss it otherwise.
 */
export class Banner extends DialogControl {
  static {
    defineControl(this, controlSpecs.Banner);
  }
  constructor(props?: BannerProps) {
    super(props);
  }
}
