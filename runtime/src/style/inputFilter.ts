/**
 * Flet's `InputFilter`: which text a TextField accepts as the user types. The browser checks each
 * edit against `regexString` (a JavaScript regular expression, which reads Flet's patterns the
 * same for the usual classes and anchors); an edit it refuses is undone there, so the server
 * never sees it.
 *
 * ```ts
 * // numbers only, with an optional "-" and "."
 * new TextField({ inputFilter: new InputFilter({ regexString: "^-?[0-9]*\\.?[0-9]*$" }) })
 * ```
 */
export class InputFilter {
  /** The pattern an edit is checked against. */
  readonly regexString: string;
  /** True (the default): keep text that matches. False: keep text that does not. */
  readonly allow: boolean;
  /** What a refused edit becomes; default "" (the edit is dropped). */
  readonly replacementString: string;

  constructor({ regexString, allow = true, replacementString = "" }: { regexString: string; allow?: boolean; replacementString?: string }) {
    this.regexString = regexString;
    this.allow = allow;
    this.replacementString = replacementString;
  }

  /** Digits only (Flet's NumbersOnlyInputFilter). */
  static readonly NUMBERS_ONLY = new InputFilter({ regexString: "^[0-9]*$" });
}
