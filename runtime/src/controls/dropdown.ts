import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { defineAlias } from "./alias.ts";

/** One choice of a Dropdown. `text` defaults to `key`. */
export interface DropdownOption {
  /** The option's value: what the Dropdown's `value` becomes when the user picks it. */
  key: string;
  /** What the list shows for it; default the `key`. */
  text?: string;
  /** Shown greyed out, and the user cannot pick it. Default false. */
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
