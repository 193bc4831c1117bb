import { Control, defineControl, type ControlProps } from "./control.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Icon({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface IconProps extends ControlProps {
  /** A Material icon name in snake_case, e.g. "delete", "check_circle". */
  name?: string;
  color?: string;
  size?: number;
}

export interface Icon extends IconProps {}

/** A Material icon by name. */
export class Icon extends Control {
  static {
    defineControl(this, { type: "Icon", props: ["name", "color", "size"] });
  }
  constructor(name?: string | IconProps, props?: IconProps) {
    super(withPrimary("name", name, props));
  }
}
