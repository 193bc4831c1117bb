import { Control, defineControl, type ControlProps, type EventHandler } from "./control.ts";
import type { Spacing } from "./layout.ts";

export interface ContainerProps extends ControlProps {
  content?: Control;
  padding?: Spacing;
  margin?: Spacing;
  bgcolor?: string;
  borderRadius?: number;
  /** CSS-like border, e.g. "1px solid #ccc". */
  border?: string;
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
