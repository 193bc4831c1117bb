import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

/** One choice of a Dropdown. `text` defaults to `key`. */
export interface DropdownOption {
  key: string;
  text?: string;
  disabled?: boolean;
}

export interface DropdownProps extends PropsOf<"Dropdown", Dropdown, { options: (DropdownOption | string)[] }> {}
export interface Dropdown extends FieldsOf<"Dropdown", Dropdown, { options: (DropdownOption | string)[] }> {}

/** A select box. */
export class Dropdown extends Control {
  static {
    defineControl(this, controlSpecs.Dropdown);
  }
  constructor(props?: DropdownProps) {
    super(props);
  }
}
