import { Control, defineControl, type ControlProps, type EventHandler } from "./control.ts";

/** What `new Switch({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface SwitchProps extends ControlProps {
  /** On or off; the browser sets it when the user flips the switch. */
  value?: boolean;
  label?: string;
  /** "right" (default) puts the label after the switch, "left" before it. */
  labelPosition?: "left" | "right";
  /** The track's colour while on. */
  activeColor?: string;
  onChange?: EventHandler<Switch, boolean>;
}

export interface Switch extends SwitchProps {}

/** An on/off switch with an optional label. */
export class Switch extends Control {
  static {
    defineControl(this, {
      type: "Switch",
      props: ["value", "label", "labelPosition", "activeColor"],
      events: ["change"],
      clientProps: { value: "boolean" },
    });
  }
  constructor(props?: SwitchProps) {
    super(props);
  }
}
