/**
 * Every error weft raises on purpose carries a stable `code` (listed in docs/errors.md), a
 * message that names the thing involved, and where possible the fix.
 */
export type WeftErrorCode =
  | "FOREIGN_CONTROL"
  | "DUPLICATE_CHILD"
  | "BAD_CHILD"
  | "SESSION_CLOSED"
  | "INVOKE_TIMEOUT"
  | "INVOKE_FAILED"
  | "APP_LOAD"
  | "NOT_A_PROP"
  | "RENDER_LOOP"
  | "PUBSUB_MESSAGE"
  | "NOT_A_HOOK";

/** An error weft raises itself; `code` says which (`SESSION_CLOSED`, `INVOKE_TIMEOUT`, …), for code that handles one kind. */
export class WeftError extends Error {
  /** Which error it is (`SESSION_CLOSED`, `INVOKE_TIMEOUT`, …): test it rather than the message, which may change. */
  readonly code: WeftErrorCode;
  constructor(code: WeftErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WeftError";
    this.code = code;
  }
}
