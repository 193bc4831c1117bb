import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import { DialogControl } from "./dialogControl.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new SnackBar(…)` takes: the props of SnackBar, each documented where the control registry declares it (@weft/protocol/controls). */
export interface SnackBarProps extends PropsOf<"SnackBar", SnackBar> {}
export interface SnackBar extends FieldsOf<"SnackBar", SnackBar> {}

/** A short message at the bottom of the page that closes itself: `page.showDialog(new SnackBar("Saved"))`. */
export class SnackBar extends DialogControl {
  static {
    defineControl(this, controlSpecs.SnackBar);
  }
  constructor(content?: string | Control | SnackBarProps, props?: SnackBarProps) {
    super(withPrimary("content", content, props));
  }
}
