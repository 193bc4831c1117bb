/**
 * Why a recording cannot be replayed. Every code is listed in docs/recording.md; `weft replay`
 * turns these into exit code 2 and prints only the message, which names the file, the line when
 * there is one, and what to do.
 */
export type RecordingErrorCode =
  /** The file could not be read (missing, a directory, no permission). */
  | "UNREADABLE"
  /** The first line is not a weft recording header. */
  | "NOT_A_RECORDING"
  /** A format version this weft does not read. */
  | "FORMAT_VERSION"
  /** Recorded with another wire protocol version. */
  | "PROTOCOL_VERSION"
  /** The file stops early: a line is cut off, the end line is missing, or its gzip data stops. */
  | "TRUNCATED"
  /** The file is gzip, but its compressed data is damaged (a bad block, a wrong checksum). */
  | "BAD_GZIP"
  /** A line is not JSON, or not of the shape the format describes. */
  | "BAD_LINE"
  /** The lines are well formed but do not describe a session that can be replayed. */
  | "NOT_REPLAYABLE"
  /** The app shows a page that has nothing in common with the recorded one. */
  | "OTHER_APP"
  /** The app to replay against was not given and the one the header names is not there. */
  | "NO_APP";

/** A recording that cannot be read or replayed; `code` says why (`BAD_LINE`, `NO_APP`, …) and the message names the file and line. */
export class RecordingError extends Error {
  /** Why it failed: `BAD_LINE`, `NO_APP`… (the message names the file and line). */
  readonly code: RecordingErrorCode;
  constructor(code: RecordingErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RecordingError";
    this.code = code;
  }
}
