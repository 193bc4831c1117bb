import { Control, defineControl, type ControlProps } from "./control.ts";
import type { Spacing } from "./layout.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new ListView({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface ListViewProps extends ControlProps {
  controls?: Control[];
  spacing?: number;
  padding?: Spacing;
  /** Keep the view scrolled to the end as children are added (a chat log). */
  autoScroll?: boolean;
  horizontal?: boolean;
}

export interface ListView extends Omit<ListViewProps, "controls"> {}

/** A scrolling list of children. */
export class ListView extends Control {
  declare controls: Control[];
  static {
    defineControl(this, {
      type: "ListView",
      props: ["spacing", "padding", "autoScroll", "horizontal"],
      slots: { controls: "list" },
    });
  }
  constructor(controls?: Control[] | ListViewProps, props?: ListViewProps) {
    super(withPrimary("controls", controls, props));
  }
}
