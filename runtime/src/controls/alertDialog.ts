import { Control, defineControl } from "./control.ts";
import { DialogControl, type DialogControlProps } from "./dialogControl.ts";
import type { MainAxisAlignment } from "./layout.ts";
import { defineTextOrControl } from "./textOrControl.ts";

/** What `new AlertDialog({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface AlertDialogProps extends DialogControlProps<AlertDialog> {
  /** A string or a control. */
  title?: string | Control;
  content?: Control;
  /** The buttons at the bottom, typically text Buttons. */
  actions?: Control[];
  /** A Material icon name shown above the title. */
  icon?: string;
  /**
   * A modal dialog can only be closed by the app (`page.closeDialog()`, from one of its
   * actions): a click outside or Escape does nothing. Default false.
   */
  modal?: boolean;
  /** Default "end". */
  actionsAlignment?: MainAxisAlignment;
  bgcolor?: string;
}

export interface AlertDialog extends Omit<AlertDialogProps, "actions"> {}

/**
 * A Material dialog: title, content and actions over a scrim. Show it with
 * `page.showDialog(dialog)`; the user dismisses a non-modal one with Escape or a click outside.
 */
export class AlertDialog extends DialogControl {
  declare actions: Control[];
  static {
    defineControl(this, {
      type: "AlertDialog",
      props: ["title", "icon", "modal", "actionsAlignment", "bgcolor"],
      slots: { title: "one", content: "one", actions: "list" },
    });
    defineTextOrControl(this, "title");
  }
  constructor(props?: AlertDialogProps) {
    super(props);
  }
}
