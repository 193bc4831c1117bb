import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl } from "./control.ts";
import type { FieldsOf, PropsOf } from "./propsOf.ts";

export interface TextFieldProps extends PropsOf<"TextField", TextField> {}
export interface TextField extends FieldsOf<"TextField", TextField> {}

/** A text input (`<input>`, or `<textarea>` when multiline). Typed text lives in `value`. */
export class TextField extends Control {
  static {
    defineControl(this, controlSpecs.TextField);
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
