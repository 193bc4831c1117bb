import { Control, defineControl } from "./control.ts";
import { DialogControl, type DialogControlProps } from "./dialogControl.ts";
import { defineTextOrControl } from "./textOrControl.ts";

/** What `new Banner({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface BannerProps extends DialogControlProps<Banner> {
  /** Shown before the content, typically an Icon. */
  leading?: Control;
  /** The message: a string or a control. */
  content?: string | Control;
  /** Buttons at the end; one of them usually calls `page.closeDialog(banner)`. */
  actions?: Control[];
  bgcolor?: string;
}

export interface Banner extends Omit<BannerProps, "actions"> {}

/**
 * Material's banner: a prominent message at the top of the page that stays until an action
 * closes it (`page.closeDialog(banner)`); the user cannot dismiss it otherwise.
 */
export class Banner extends DialogControl {
  declare actions: Control[];
  static {
    defineControl(this, {
      type: "Banner",
      props: ["content", "bgcolor"],
      slots: { leading: "one", content: "one", actions: "list" },
    });
    defineTextOrControl(this, "content");
  }
  constructor(props?: BannerProps) {
    super(props);
  }
}
