import { Control, defineControl, type ControlProps, type EventHandler } from "./control.ts";

/** What `new Checkbox({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface CheckboxProps extends ControlProps {
  value?: boolean;
  label?: string;
  onChange?: EventHandler<Checkbox, boolean>;
}

export interface Checkbox extends CheckboxProps {}

/** A tick box with an optional label; `value` is the tick. */
export class Checkbox extends Control {
  static {
    defineControl(this, { type: "Checkbox", props: ["value", "label"], events: ["change"], clientProps: { value: "boolean" } });
  }
  constructor(props?: CheckboxProps) {
    super(props);
  }
}
