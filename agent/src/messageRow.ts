import type { MessageRow } from "@weft/protocol/channel";

/** Characters of a frame a row shows; the rest comes with `get-message`. */
export const PREVIEW_CHARS = 160;

/**
 * The row a tool lists for one protocol frame: kind, size, time, a preview, and for a patch how
 * many ops. On the app's hot path (every frame of every session, tool or no tool), so the text is
 * scanned, never parsed: the runtime writes `{"type":"…"` first, and a browser's frame that does
 * not start so is parsed once, to be told apart from a broken one. Also used to make the rows of
 * a recording.
 */
export function messageRow(sessionId: string, seq: number, direction: "in" | "out", text: string, bytes: number, at: number): MessageRow {
  const row: MessageRow = { sessionId, seq, direction, kind: messageKind(text), bytes, at, preview: text.length > PREVIEW_CHARS ? text.slice(0, PREVIEW_CHARS) : text };
  if (row.kind === "patch") row.ops = countOps(text);
  return row;
}

const TYPE_PREFIX = '{"type":"';

/** The protocol message's `type`, `bad-frame` for what is not JSON, `unknown` for JSON without one. */
export function messageKind(text: string): string {
  if (text.startsWith(TYPE_PREFIX)) {
    const end = text.indexOf('"', TYPE_PREFIX.length);
    if (end > TYPE_PREFIX.length && end - TYPE_PREFIX.length <= 40) return text.slice(TYPE_PREFIX.length, end);
  }
  try {
    const type = (JSON.parse(text) as { type?: unknown }).type;
    return typeof type === "string" ? type : "unknown";
  } catch {
    return "bad-frame";
  }
}

function countOps(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"op":"'); i >= 0; i = text.indexOf('"op":"', i + 6)) n++;
  return n;
}
