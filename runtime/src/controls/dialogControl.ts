import { dialogBase } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** The props every overlay has (`open`, `onDismiss`); each overlay's props extend them. */
export interface DialogControlProps extends PropsOf<typeof dialogBase, DialogControl> {}
export interface DialogControl extends FieldsOf<typeof dialogBase, DialogControl> {}

/**
 * The base of the controls shown above the page in `page.overlay`: AlertDialog, SnackBar,
 * Banner, BottomSheet. Open one with `page.showDialog(dialog)`, close it with `page.closeDialog()`.
 */
export abstract class DialogControl extends Control {
  static {
    defineControl(this, dialogBase);
  }
}
