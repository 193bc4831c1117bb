import { Control, defineControl, type ControlProps } from "./control.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Stack({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface StackProps extends ControlProps {
  /**
   * Drawn on top of each other, the last on top. A child with `left`, `top`, `right` or
   * `bottom` set is placed at those offsets from the stack's edges; the others are placed by
   * `alignment` and give the stack its size.
   */
  controls?: Control[];
  /** Where children without offsets sit. Default "topLeft". */
  alignment?: "center" | "topLeft" | "topCenter" | "topRight" | "centerLeft" | "centerRight" | "bottomLeft" | "bottomCenter" | "bottomRight";
  /** Clip children that reach past the stack's edges. Default true. */
  clip?: boolean;
}

export interface Stack extends Omit<StackProps, "controls"> {}

/** Children drawn over one another: `new Stack([image, new Text("Caption", { left: 8, bottom: 8 })])`. */
export class Stack extends Control {
  declare controls: Control[];
  static {
    defineControl(this, { type: "Stack", props: ["alignment", "clip"], slots: { controls: "list" } });
  }
  constructor(controls?: Control[] | StackProps, props?: StackProps) {
    super(withPrimary("controls", controls, props));
  }
}
