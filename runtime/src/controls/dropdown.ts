import { Control, defineControl, type ControlProps, type EventHandler } from "./control.ts";

/** One choice of a Dropdown. `text` defaults to `key`. */
export interface DropdownOption {
  key: string;
  text?: string;
  disabled?: boolean;
}

/** What `new Dropdown({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface DropdownProps extends ControlProps {
  /** The key of the selected option. */
  value?: string;
  /** Assign a new array to change the options (or call `update()` after editing it in place). */
  options?: (DropdownOption | string)[];
  label?: string;
  hint?: string;
  onChange?: EventHandler<Dropdown, string>;
}

export interface Dropdown extends DropdownProps {}

/** A select box. */
export class Dropdown extends Control {
  static {
    defineControl(this, {
      type: "Dropdown",
      props: ["value", "options", "label", "hint"],
      events: ["change"],
      clientProps: { value: "string" },
    });
  }
  constructor(props?: DropdownProps) {
    super(props);
  }
}
