import { Control, defineControl, type ControlProps, type EventHandler } from "./control.ts";

/** The props every dialog takes (AlertDialog, Banner, BottomSheet, SnackBar): `open` and `onDismiss`; each is also a property of the control. */
export interface DialogControlProps<C extends DialogControl = DialogControl> extends ControlProps {
  /**
   * Whether it is shown. `page.showDialog()` sets it true and `page.closeDialog()` false; the
   * browser sets it false itself when the user dismisses it (Escape, a click outside, a snack
   * bar's timeout), and then fires `dismiss`.
   */
  open?: boolean;
  /**
   * Called when the user dismissed it in the browser. Not called by `page.closeDialog()` or by
   * setting `open = false`: the app already knows (as in Flet's client, which fires dismiss
   * only for a close it did not receive from the app).
   */
  onDismiss?: EventHandler<C>;
}

// onDismiss is typed by each subclass (its handler receives that class).
export interface DialogControl extends Omit<DialogControlProps, "onDismiss"> {}

/**
 * The base of the controls shown above the page in `page.overlay`: AlertDialog, SnackBar,
 * Banner, BottomSheet. Open one with `page.showDialog(dialog)`, close it with `page.closeDialog()`.
 */
export abstract class DialogControl extends Control {
  static {
    defineControl(this, { type: "DialogControl", props: ["open"], events: ["dismiss"], clientProps: { open: "boolean" } });
  }
}
