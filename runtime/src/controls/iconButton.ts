import { Control, defineControl, type ControlProps, type EventHandler } from "./control.ts";
import { withPrimary } from "./shorthand.ts";

/** What `new IconButton({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface IconButtonProps extends ControlProps {
  /** A Material icon name, e.g. "delete". */
  icon?: string;
  /** The icon shown while `selected` (a toggle button). */
  selectedIcon?: string;
  iconColor?: string;
  /** In px. Default 24. */
  iconSize?: number;
  /** A toggle button's state; the app sets it (usually in onClick). */
  selected?: boolean;
  /** Material 3 icon button styles. Default "standard". */
  variant?: "standard" | "filled" | "tonal" | "outlined";
  bgcolor?: string;
  onClick?: EventHandler<IconButton>;
}

export interface IconButton extends IconButtonProps {}

/** A round button showing one icon: `new IconButton("delete", { onClick, tooltip: "Delete" })`. */
export class IconButton extends Control {
  static {
    defineControl(this, {
      type: "IconButton",
      props: ["icon", "selectedIcon", "iconColor", "iconSize", "selected", "variant", "bgcolor"],
      events: ["click"],
    });
  }
  constructor(icon?: string | IconButtonProps, props?: IconButtonProps) {
    super(withPrimary("icon", icon, props));
  }
}
