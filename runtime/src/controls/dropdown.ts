import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { defineAlias } from "./alias.ts";

/** One choice of a Dropdown. `text` defaults to `key`. */
export interface DropdownOption {
  key: string;
  text?: string;
  disabled?: boolean;
}

interface DropdownAliases {
  /**
   * Shown while nothing is selected.
   * @deprecated Use `hintText`, as in Flet.
   */
  hint?: string;
}
/** What `new Dropdown(…)` takes: the props of Dropdown, each documented where the control registry declares it (@weft/protocol/controls). */
export interface DropdownProps extends PropsOf<"Dropdown", Dropdown, { options: (DropdownOption | string)[] }>, DropdownAliases {}
export interface Dropdown extends FieldsOf<"Dropdown", Dropdown, { options: (DropdownOption | string)[] }>, DropdownAliases {}

/** A select box. */
export class Dropdown extends Control {
  static {
    defineControl(this, controlSpecs.Dropdown);
    defineAlias(this, "hint", "hintText");
  }
  constructor(props?: DropdownProps) {
    super(props);
  }
}
