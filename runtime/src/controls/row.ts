import { Control, defineControl, type ControlProps } from "./control.ts";
import type { CrossAxisAlignment, MainAxisAlignment, ScrollMode } from "./layout.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Row({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface RowProps extends ControlProps {
  controls?: Control[];
  spacing?: number;
  alignment?: MainAxisAlignment;
  verticalAlignment?: CrossAxisAlignment;
  scroll?: ScrollMode;
  wrap?: boolean;
}

export interface Row extends Omit<RowProps, "controls"> {}

/** Lays its children out horizontally: `new Row([a, b])`. Subclass it for reusable controls. */
export class Row extends Control {
  declare controls: Control[];
  static {
    defineControl(this, {
      type: "Row",
      props: ["spacing", "alignment", "verticalAlignment", "scroll", "wrap"],
      slots: { controls: "list" },
    });
  }
  constructor(controls?: Control[] | RowProps, props?: RowProps) {
    super(withPrimary("controls", controls, props));
  }
}
