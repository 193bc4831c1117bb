import { controlSpecs } from "@weft/protocol/controls";
import { defineControl } from "./control.ts";
import { DialogControl } from "./dialogControl.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** What `new AlertDialog(…)` takes: the props of AlertDialog, each documented where the control registry declares it (@weft/protocol/controls). */
export interface AlertDialogProps extends PropsOf<"AlertDialog", AlertDialog> {}
export interface AlertDialog extends FieldsOf<"AlertDialog", AlertDialog> {}

/**
 * A Material dialog: title, content and actions over a scrim. Show it with
 * `page.showDialog(dialog)`; the user dismisses a non-modal one with Escape or a click outside.
 */
export class AlertDialog extends DialogControl {
  static {
    defineControl(this, controlSpecs.AlertDialog);
  }
  constructor(props?: AlertDialogProps) {
    super(props);
  }
}
