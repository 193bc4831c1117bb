import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";
import { defineAlias } from "./alias.ts";
import type { InputFilter } from "../style/inputFilter.ts";

type TextFieldTypes = { inputFilter: InputFilter };

interface TextFieldAliases {
  /**
   * Shown in the empty field.
   * @deprecated Use `hintText`, as in Flet.
   */
  hint?: string;
  /**
   * Shown under the field in the error colour.
   * @deprecated Use `error` (Flet 1.0).
   */
  errorText?: string;
}
/** What `new TextField(…)` takes: the props of TextField, each documented where the control registry declares it (@weft/protocol/controls). */
export interface TextFieldProps extends PropsOf<"TextField", TextField, TextFieldTypes>, TextFieldAliases {}
export interface TextField extends FieldsOf<"TextField", TextField, TextFieldTypes>, TextFieldAliases {}

/** A text input (`<input>`, or `<textarea>` when multiline). Typed text lives in `value`. */
export class TextField extends Control {
  static {
    defineControl(this, controlSpecs.TextField);
    defineAlias(this, "hint", "hintText");
    defineAlias(this, "errorText", "error");
  }
  constructor(props?: TextFieldProps) {
    super(props);
  }

  /** Moves the keyboard focus to this field in the browser. */
  focus(): Promise<void> {
    const page = this.page;
    return page ? page._session.invoke("focus", [], this.id).then(() => undefined) : Promise.resolve();
  }
}
