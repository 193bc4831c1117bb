import { basename, extname } from "node:path";
import { formatMessageLine, formatRecordingEntry, formatRecordingHeader } from "weft/testing";
import { PROTOCOL_VERSION, type ClientInfo, type WireNode } from "@weft/protocol";
import type { ExportRecordingResult, MessageResult, SessionInfo } from "@weft/protocol/channel";
import type { SessionHistory } from "./sessionHistory.ts";

export interface ExportSource {
  info: SessionInfo & { closedAt?: number; reason?: string };
  /** The frames kept, oldest first. */
  frames: readonly MessageResult[];
  history: SessionHistory;
  /** The app's entry module (absolute), or what a recording's header said. */
  app: string;
}

/**
 * A session as a recording file (docs/recording.md), from what the agent kept of it. When the
 * frames go back to its `register`, that is the whole session, as `--record` would have written
 * it. When older ones were dropped, the file starts with a `register` and a `registered` whose
 * page is the tree as it was just before the first kept frame (the history has it), then the kept
 * frames, and `partial` says so. The devtools' own frames (the picker's calls, timings) are left
 * out: a replay would take them for the app's. A live session's file ends as if it closed now.
 */
export function exportRecording(source: ExportSource): ExportRecordingResult {
  const { info, history } = source;
  let frames = source.frames.filter((f) => !f.row.tool);
  const t0 = info.createdAt;
  const register = frames.find((f) => f.row.direction === "in" && f.row.kind === "register");
  let client: ClientInfo = { route: info.route, ...(info.userAgent ? { userAgent: info.userAgent } : {}) };
  if (register) {
    try {
      client = (JSON.parse(register.text) as { client: ClientInfo }).client ?? client;
    } catch {
      // the client as the session describes it, then
    }
  }
  const lines: string[] = [formatRecordingHeader({ app: source.app, client, startedAt: new Date(t0).toISOString(), sessionId: info.id })];
  let partial: string | undefined;
  const first = frames[0];
  if (first && !(first.row.seq === 1 || (first.row.direction === "in" && first.row.kind === "register"))) {
    // Start from the page as it was before the first kept frame (or as early as the history goes).
    const after = Math.max(first.row.seq - 1, history.firstSeq);
    const page: WireNode | null = history.wireAt(after);
    frames = frames.filter((f) => f.row.seq > after);
    partial = `the agent no longer kept messages #1–#${after}: the recording starts with the page as it was after message #${after}`;
    if (page) {
      const t = Math.max(0, (frames[0]?.row.at ?? Date.now()) - t0);
      lines.push(formatRecordingEntry({ t, in: { type: "register", protocol: PROTOCOL_VERSION, client } }));
      lines.push(formatRecordingEntry({ t, out: { type: "registered", protocol: PROTOCOL_VERSION, sessionId: info.id, resumed: false, page } }));
    }
  }
  for (const frame of frames) {
    const t = Math.max(0, frame.row.at - t0);
    if (frame.row.kind === "bad-frame") lines.push(formatRecordingEntry({ t, event: "bad-frame", text: frame.text.slice(0, 1000) }));
    else lines.push(formatMessageLine(t, frame.row.direction, oneLine(frame.text)));
  }
  const end = info.closedAt ?? Date.now();
  lines.push(formatRecordingEntry({ t: Math.max(0, end - t0), event: "end", reason: info.reason ?? "exported from the inspector while the session was live" }));
  const stamp = new Date(t0).toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const app = basename(source.app, extname(source.app)) || "session";
  return { name: `${app}-${stamp}-${info.id.slice(0, 8)}.weft.jsonl`, text: lines.join(""), ...(partial ? { partial } : {}) };
}

/** A frame's JSON on one line (the server's are; a browser's may be pretty-printed). */
function oneLine(text: string): string {
  return /[\r\n]/.test(text) ? JSON.stringify(JSON.parse(text)) : text;
}
