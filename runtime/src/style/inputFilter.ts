/**
 * Flet's `InputFilter`: which text a TextField accepts as the user types. The browser checks each
 * edit against `regexString` (a JavaScript regular expression, which reads Flet's patterns the
 * same for the usual classes and anchors); an edit it refuses is undone there, so the server
 * never sees it.
 *
 * As in Flet's client (flet/lib/src/utils/textfield.dart, since Flet 0.24): a refused edit keeps
 * the text as it was; it is not cut down to its matching parts the way Flutter's own
 * `FilteringTextInputFormatter` does, which emptied the field when an anchored pattern such as
 * `^[0-9]*$` met a letter.
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
  /** `^` and `$` match at each line's start and end, not only the text's (the `m` flag). Default false. */
  readonly multiline: boolean;
  /** Letters match only in their own case. Default true; false is the `i` flag. */
  readonly caseSensitive: boolean;
  /** The pattern is read in Unicode mode (the `u` flag: `\u{…}`, `\p{…}`, stricter escapes). Default false, as Dart's. */
  readonly unicode: boolean;
  /** `.` matches line breaks too (the `s` flag). Default false. */
  readonly dotAll: boolean;

  constructor({
    regexString,
    allow = true,
    replacementString = "",
    multiline = false,
    caseSensitive = true,
    unicode = false,
    dotAll = false,
  }: {
    regexString: string;
    allow?: boolean;
    replacementString?: string;
    multiline?: boolean;
    caseSensitive?: boolean;
    unicode?: boolean;
    dotAll?: boolean;
  }) {
    this.regexString = regexString;
    this.allow = allow;
    this.replacementString = replacementString;
    this.multiline = multiline;
    this.caseSensitive = caseSensitive;
    this.unicode = unicode;
    this.dotAll = dotAll;
  }

  /** Digits only (Flet's NumbersOnlyInputFilter). */
  static readonly NUMBERS_ONLY = new InputFilter({ regexString: "^[0-9]*$" });
  /** Latin letters only (Flet's TextOnlyInputFilter). */
  static readonly TEXT_ONLY = new InputFilter({ regexString: "^[a-zA-Z]*$" });
}
