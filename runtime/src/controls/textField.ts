import { Control, defineControl, type ControlProps, type EventHandler } from "./control.ts";

/** What `new TextField({ … })` takes. Each prop is also a property of the control: setting it later updates the page. */
export interface TextFieldProps extends ControlProps {
  value?: string;
  label?: string;
  hint?: string;
  password?: boolean;
  /** With `password`, show an eye button that reveals the text. */
  canRevealPassword?: boolean;
  /** A `<textarea>` instead of an `<input>`. */
  multiline?: boolean;
  minLines?: number;
  maxLines?: number;
  readOnly?: boolean;
  autofocus?: boolean;
  prefix?: string;
  suffix?: string;
  errorText?: string;
  keyboardType?: "text" | "number" | "email" | "url" | "phone";
  /** Called on every edit; `e.control.value` holds the text. */
  onChange?: EventHandler<TextField, string>;
  /** Called on Enter (Ctrl+Enter when multiline). */
  onSubmit?: EventHandler<TextField, string>;
  onFocus?: EventHandler<TextField>;
  onBlur?: EventHandler<TextField>;
}

export interface TextField extends TextFieldProps {}

/** A text input (`<input>`, or `<textarea>` when multiline). Typed text lives in `value`. */
export class TextField extends Control {
  static {
    defineControl(this, {
      type: "TextField",
      props: [
        "value", "label", "hint", "password", "canRevealPassword", "multiline", "minLines", "maxLines",
        "readOnly", "autofocus", "prefix", "suffix", "errorText", "keyboardType",
      ],
      events: ["change", "submit", "focus", "blur"],
      clientProps: { value: "string" },
    });
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
