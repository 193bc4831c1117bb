import { Control, defineControl, type ControlProps, type EventHandler } from "./control.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new Button({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface ButtonProps extends ControlProps {
  text?: string;
  icon?: string;
  /** Material button styles. Default "elevated": Flet's `Button` is Flutter's ElevatedButton. */
  variant?: "filled" | "elevated" | "tonal" | "outlined" | "text";
  color?: string;
  bgcolor?: string;
  onClick?: EventHandler<Button>;
}

export interface Button extends ButtonProps {}

/** A push button: `new Button("Save", { onClick })`. */
export class Button extends Control {
  static {
    defineControl(this, {
      type: "Button",
      props: ["text", "icon", "variant", "color", "bgcolor"],
      events: ["click"],
    });
  }
  constructor(text?: string | ButtonProps, props?: ButtonProps) {
    super(withPrimary("text", text, props));
  }
}
