import { Control, defineControl, type EventHandler } from "./control.ts";
import { DialogControl, type DialogControlProps } from "./dialogControl.ts";
import { withPrimary } from "./shorthand.ts";
import { defineTextOrControl } from "./textOrControl.ts";

/** What `new SnackBar({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface SnackBarProps extends DialogControlProps<SnackBar> {
  /** The message: a string or a control. */
  content?: string | Control;
  /** The text of the action button at the end ("Undo"). */
  action?: string;
  /** How long it stays, in ms, before it closes itself (and fires `dismiss`). Default 4000. */
  duration?: number;
  /** Show a close button. */
  showCloseIcon?: boolean;
  bgcolor?: string;
  /** Called when the action button is clicked; the snack bar closes. */
  onAction?: EventHandler<SnackBar>;
}

export interface SnackBar extends SnackBarProps {}

/** A short message at the bottom of the page that closes itself: `page.showDialog(new SnackBar("Saved"))`. */
export class SnackBar extends DialogControl {
  static {
    defineControl(this, {
      type: "SnackBar",
      props: ["content", "action", "duration", "showCloseIcon", "bgcolor"],
      events: ["action"],
      slots: { content: "one" },
    });
    defineTextOrControl(this, "content");
  }
  constructor(content?: string | Control | SnackBarProps, props?: SnackBarProps) {
    super(withPrimary("content", content, props));
  }
}
