import { Control, defineControl, type ControlProps } from "./control.ts";
import type { ColorValue } from "../constants/colors.ts";
import type { CrossAxisAlignment, MainAxisAlignment, ScrollMode, Spacing } from "./layout.ts";

/** What `new View({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface ViewProps extends ControlProps {
  route?: string;
  /** The bar on top (an AppBar). */
  appbar?: Control;
  controls?: Control[];
  /** Default 10 on every side, as in Flet. */
  padding?: Spacing;
  /** Space between the controls; default 10, as in Flet. */
  spacing?: number;
  bgcolor?: ColorValue;
  verticalAlignment?: MainAxisAlignment;
  horizontalAlignment?: CrossAxisAlignment;
  scroll?: ScrollMode;
}

export interface View extends Omit<ViewProps, "controls"> {}

/** One screen of the page. `page.views` is a stack of them; the top one is shown. */
export class View extends Control {
  declare controls: Control[];
  static {
    defineControl(this, {
      type: "View",
      props: ["route", "padding", "spacing", "bgcolor", "verticalAlignment", "horizontalAlignment", "scroll"],
      slots: { controls: "list", appbar: "one" },
    });
  }
  constructor(props?: ViewProps) {
    super(props);
  }
}
