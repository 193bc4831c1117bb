import { Control, defineControl, type ControlProps } from "./control.ts";
import type { CrossAxisAlignment, MainAxisAlignment, ScrollMode } from "./layout.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Column({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface ColumnProps extends ControlProps {
  controls?: Control[];
  spacing?: number;
  alignment?: MainAxisAlignment;
  horizontalAlignment?: CrossAxisAlignment;
  /** Scroll when the children overflow. */
  scroll?: ScrollMode;
  wrap?: boolean;
}

export interface Column extends Omit<ColumnProps, "controls"> {}

/** Lays its children out vertically: `new Column([a, b], { spacing: 8 })`. */
export class Column extends Control {
  declare controls: Control[];
  static {
    defineControl(this, {
      type: "Column",
      props: ["spacing", "alignment", "horizontalAlignment", "scroll", "wrap"],
      slots: { controls: "list" },
    });
  }
  constructor(controls?: Control[] | ColumnProps, props?: ColumnProps) {
    super(withPrimary("controls", controls, props));
  }
}
