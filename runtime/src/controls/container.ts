import { Control, defineControl, type ControlProps, type EventHandler } from "./control.ts";
import type { Spacing } from "./layout.ts";
import type { ColorValue } from "../constants/colors.ts";
import type { Border, BorderRadius } from "../style/border.ts";

/** What `new Container({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface ContainerProps extends ControlProps {
  content?: Control;
  padding?: Spacing;
  margin?: Spacing;
  bgcolor?: ColorValue;
  /** One radius for every corner, or `BorderRadius.only({ topLeft: 8 })`… */
  borderRadius?: number | BorderRadius;
  /** `Border.all(2, Colors.RED)`, …, or a CSS border such as "1px solid #ccc". */
  border?: Border | string;
  alignment?: "center" | "topLeft" | "topCenter" | "topRight" | "centerLeft" | "centerRight" | "bottomLeft" | "bottomCenter" | "bottomRight";
  /** Show a ripple/hover effect when clickable. */
  ink?: boolean;
  onClick?: EventHandler<Container>;
}

export interface Container extends ContainerProps {}

/** A box around one child: padding, colour, border, and an optional click handler. */
export class Container extends Control {
  static {
    defineControl(this, {
      type: "Container",
      props: ["padding", "margin", "bgcolor", "borderRadius", "border", "alignment", "ink"],
      events: ["click"],
      slots: { content: "one" },
    });
  }
  constructor(props?: ContainerProps) {
    super(props);
  }
}
