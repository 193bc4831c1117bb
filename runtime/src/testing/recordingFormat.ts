import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseClientMessage, PROTOCOL_VERSION, type ClientInfo, type ClientMessage, type ServerMessage } from "@weft/protocol";
import { recordingText } from "./recordingBytes.ts";
import { RecordingError } from "./recordingError.ts";

/**
 * The recording format: JSON Lines, one header line then one line per thing that happened in a
 * session, each stamped with milliseconds since the session opened. docs/recording.md is the
 * prose version; this module is its only reader and writer.
 *
 *   {"format":"weft-recording","version":1,"app":"../../examples/counter.ts",…}
 *   {"t":0,"in":{"type":"register",…}}
 *   {"t":2.1,"out":{"type":"registered",…}}
 *   {"t":812.4,"in":{"type":"event","id":7,"name":"click"}}
 *   {"t":813,"out":{"type":"patch","ops":[…]}}
 *   {"t":4020.7,"event":"end","reason":"server stopped"}
 *
 * Version history (bump on every change an older reader would misread, and say what changed):
 *   1 — first version: header; `in` / `out` messages; `disconnect` and `end` events.
 */
export const RECORDING_FORMAT = "weft-recording";
/** The version of the recording format this weft writes and reads (the history is above). */
export const RECORDING_VERSION = 1;

/** The first line of a recording. */
export interface RecordingHeader {
  /** Always "weft-recording": marks the file as one. */
  format: typeof RECORDING_FORMAT;
  /** The format's version; a reader refuses a newer one. */
  version: number;
  /** The app's entry module, relative to the recording's own directory, with `/` separators. */
  app: string;
  /** The weft version that recorded it. */
  weft: string;
  /** The wire protocol version of the messages below. */
  protocol: number;
  /** What the browser said about itself when the session opened. */
  client: ClientInfo;
  /** When the session opened, ISO 8601 in UTC. */
  startedAt: string;
  /** The recorded session's id (replays get a new one). */
  sessionId: string;
}

/**
 * One line after the header. `t` is milliseconds since the session opened. Events other than
 * `disconnect` and `end` may be added within a version; readers skip the ones they do not know.
 */
export type RecordingEntry =
  | { t: number; in: ClientMessage }
  | { t: number; out: ServerMessage }
  /** `disconnect`: the tab's connection dropped. `end` (last line): the session closed, `reason` says why. */
  | { t: number; event: "disconnect" | "end" | (string & {}); reason?: string; text?: string };

/** An entry with the line it was read from (1-based), for messages that point into the file. */
export type RecordingLine = RecordingEntry & { line: number };

/** A recording read from its file: the header and every entry with its line. */
export interface Recording {
  /** The recording's first line: the app, the format's version, the client it was made with. */
  header: RecordingHeader;
  /** Every entry after the header, the final `end` included. */
  entries: RecordingLine[];
  /** Where it was read from (a path, or a name given to `parseRecording`). */
  source: string;
}

// ------------------------------------------------------------------------------- writing

/** The weft version in this runtime's package.json (what a new recording's header says). */
export function weftVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  return cachedVersion;
}
let cachedVersion: string | undefined;

/** The header line (with its newline) for a new recording. */
export function formatRecordingHeader(fields: Pick<RecordingHeader, "app" | "client" | "startedAt" | "sessionId">): string {
  const header: RecordingHeader = {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    app: fields.app,
    weft: weftVersion(),
    protocol: PROTOCOL_VERSION,
    client: fields.client,
    startedAt: fields.startedAt,
    sessionId: fields.sessionId,
  };
  return JSON.stringify(header) + "\n";
}

/** One entry line (with its newline). `t` is rounded to a tenth of a millisecond. */
export function formatRecordingEntry(entry: RecordingEntry): string {
  return JSON.stringify({ ...entry, t: roundTime(entry.t) }) + "\n";
}

/**
 * One message line from a frame's JSON text as it went over the wire, without parsing it again
 * (the recorder's hot path: the server already built this text).
 */
export function formatMessageLine(t: number, direction: "in" | "out", json: string): string {
  return `{"t":${roundTime(t)},"${direction}":${json}}\n`;
}

function roundTime(t: number): number {
  return Math.round(t * 10) / 10;
}

// ------------------------------------------------------------------------------- reading

/**
 * Reads and checks a recording file, plain (`.weft.jsonl`) or gzip-compressed
 * (`.weft.jsonl.gz`, told by its first bytes); throws a `RecordingError` saying what is wrong.
 */
export async function readRecording(file: string | URL): Promise<Recording> {
  const path = typeof file === "string" ? file : fileURLToPath(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (err as Error).message;
    throw new RecordingError("UNREADABLE", `cannot read ${path}: ${why}`);
  }
  return readRecordingBytes(bytes, path);
}

/**
 * Reads and checks a recording's bytes, plain or gzip (a file uploaded to the inspector);
 * `source` names it in messages. Throws a `RecordingError` saying what is wrong.
 */
export async function readRecordingBytes(bytes: Buffer, source: string): Promise<Recording> {
  return parseRecording(await recordingText(bytes, source), source);
}

/**
 * Parses and checks a recording's text. Never trusts it: every line is checked for its shape,
 * and each refusal names the line and what was expected there.
 */
export function parseRecording(text: string, source = "the recording"): Recording {
  if (text.trim() === "") throw new RecordingError("NOT_A_RECORDING", `${source} is empty, not a weft recording`);
  const lines = text.split(/\r?\n/);
  const endsWithNewline = lines[lines.length - 1] === "";
  if (endsWithNewline) lines.pop();
  const lastLine = lines.length;

  const header = parseHeader(lines[0]!, source, lastLine === 1 && !endsWithNewline);
  const entries: RecordingLine[] = [];
  let ended = false;
  for (let n = 2; n <= lastLine; n++) {
    const raw = lines[n - 1]!;
    if (raw.trim() === "") continue;
    const at = `${source}, line ${n}`;
    if (ended) throw new RecordingError("BAD_LINE", `${at}: nothing may follow the "end" line`);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      if (n === lastLine && !endsWithNewline) {
        throw new RecordingError(
          "TRUNCATED",
          `${source} is truncated: its last line (${n}) is cut off after ${raw.length} characters. ` +
            `The recording was interrupted while being written or copied; record the session again.`,
        );
      }
      throw new RecordingError("BAD_LINE", `${at} is not JSON (${(err as Error).message})`);
    }
    const entry = checkEntry(value, at);
    if ("event" in entry && entry.event === "end") ended = true;
    entries.push({ ...entry, line: n } as RecordingLine);
  }
  if (!ended) {
    throw new RecordingError(
      "TRUNCATED",
      `${source} is truncated: it stops after line ${lastLine} without its "end" line. ` +
        `Either the file was cut short, or it was copied while its session was still open ` +
        `(close the tab and stop the server so the recorder can finish the file).`,
    );
  }
  return { header, entries, source };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function parseHeader(raw: string, source: string, cutOff: boolean): RecordingHeader {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    if (cutOff && raw.startsWith(`{"format":"${RECORDING_FORMAT}"`)) {
      throw new RecordingError("TRUNCATED", `${source} is truncated: it stops inside its header line`);
    }
    throw new RecordingError("NOT_A_RECORDING", `${source} is not a weft recording: its first line is not JSON`);
  }
  if (!isObject(value) || value.format !== RECORDING_FORMAT) {
    throw new RecordingError(
      "NOT_A_RECORDING",
      `${source} is not a weft recording: its first line should be a header with "format": "${RECORDING_FORMAT}"`,
    );
  }
  const version = value.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new RecordingError("FORMAT_VERSION", `${source} has an invalid format version ${JSON.stringify(version)}; this weft reads version ${RECORDING_VERSION}`);
  }
  if (version !== RECORDING_VERSION) {
    throw new RecordingError(
      "FORMAT_VERSION",
      `${source} is in recording format version ${version}, but this weft (${weftVersion()}) reads version ${RECORDING_VERSION}. ` +
        (version > RECORDING_VERSION ? "Replay it with the newer weft that made it, or record it again." : "Record it again."),
    );
  }
  for (const field of ["app", "weft", "startedAt", "sessionId"] as const) {
    if (typeof value[field] !== "string" || value[field] === "") {
      throw new RecordingError("BAD_LINE", `${source}, line 1: the header needs a string "${field}"`);
    }
  }
  if (!isObject(value.client) || typeof value.client.route !== "string") {
    throw new RecordingError("BAD_LINE", `${source}, line 1: the header needs "client" with a string "route"`);
  }
  if (value.protocol !== PROTOCOL_VERSION) {
    throw new RecordingError(
      "PROTOCOL_VERSION",
      `${source} was recorded with weft protocol ${JSON.stringify(value.protocol)} (weft ${String(value.weft)}); ` +
        `this weft speaks protocol ${PROTOCOL_VERSION}. Record the session again with this version.`,
    );
  }
  return value as unknown as RecordingHeader;
}

const serverTypes = new Set<ServerMessage["type"]>(["registered", "patch", "invoke", "error", "crashed"]);
const opNames = new Set(["set", "insert", "remove", "move"]);

function checkEntry(value: unknown, at: string): RecordingEntry {
  if (!isObject(value)) throw new RecordingError("BAD_LINE", `${at}: expected an object like {"t": 12.5, "in": {…}}`);
  const t = value.t;
  if (typeof t !== "number" || !Number.isFinite(t) || t < 0) {
    throw new RecordingError("BAD_LINE", `${at}: "t" must be a number of milliseconds ≥ 0`);
  }
  const kinds = (["in", "out", "event"] as const).filter((k) => k in value);
  if (kinds.length !== 1) throw new RecordingError("BAD_LINE", `${at}: a line holds exactly one of "in", "out" or "event"`);
  if ("in" in value) {
    const parsed = parseClientMessage(JSON.stringify(value.in));
    if (!parsed.ok) throw new RecordingError("BAD_LINE", `${at}: the client message is malformed: ${parsed.message}`);
    return { t, in: parsed.message };
  }
  if ("out" in value) {
    const out = value.out;
    if (!isObject(out) || !serverTypes.has(out.type as ServerMessage["type"])) {
      throw new RecordingError("BAD_LINE", `${at}: "out" must be a server message (${[...serverTypes].join(", ")})`);
    }
    if (out.type === "registered" && !(isObject(out.page) && typeof out.page.i === "number")) {
      throw new RecordingError("BAD_LINE", `${at}: a "registered" message needs its "page"`);
    }
    if (out.type === "patch" && !(Array.isArray(out.ops) && out.ops.every((op) => isObject(op) && opNames.has(op.op as string)))) {
      throw new RecordingError("BAD_LINE", `${at}: a "patch" message needs "ops", each with "op" set, insert, remove or move`);
    }
    if (out.type === "invoke" && (typeof out.callId !== "number" || typeof out.method !== "string")) {
      throw new RecordingError("BAD_LINE", `${at}: an "invoke" message needs "callId" and "method"`);
    }
    return { t, out: out as unknown as ServerMessage };
  }
  if (typeof value.event !== "string") throw new RecordingError("BAD_LINE", `${at}: "event" must be a string`);
  if (value.event === "end") return { t, event: "end", reason: typeof value.reason === "string" ? value.reason : "" };
  return { ...(value as object), t, event: value.event };
}
