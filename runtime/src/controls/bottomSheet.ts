import { Control, defineControl } from "./control.ts";
import { DialogControl, type DialogControlProps } from "./dialogControl.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new BottomSheet({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface BottomSheetProps extends DialogControlProps<BottomSheet> {
  content?: Control;
  /** Show the grab handle at the top; dragging it down dismisses the sheet. */
  showDragHandle?: boolean;
  /** Whether Escape, a click on the scrim or a drag down dismisses it. Default true. */
  dismissible?: boolean;
  bgcolor?: string;
}

export interface BottomSheet extends BottomSheetProps {}

/** A sheet that slides up from the bottom over a scrim: `page.showDialog(new BottomSheet(content))`. */
export class BottomSheet extends DialogControl {
  static {
    defineControl(this, {
      type: "BottomSheet",
      props: ["showDragHandle", "dismissible", "bgcolor"],
      slots: { content: "one" },
    });
  }
  constructor(content?: Control | BottomSheetProps, props?: BottomSheetProps) {
    super(withPrimary("content", content, props));
  }
}
