import { hook } from "../../hook.ts";
import { formatMessageLine, formatRecordingEntry, formatRecordingHeader, parseRecording, type Recording } from "../recordingFormat.ts";

/**
 * Records the next session that opens in this process into a string, in the file format, the
 * way the agent's recorder does into a file. `stop()` ends the recording and parses it back.
 */
export function recordInMemory(app = "app.ts"): { stop(): Recording; text(): string } {
  let sessionId: string | null = null;
  let t0 = 0;
  let text = "";
  let ended = false;
  const unsubscribe = hook.subscribe((event) => {
    if (event.type === "session-open" && sessionId === null) {
      sessionId = event.session.id;
      t0 = performance.now();
      text += formatRecordingHeader({ app, client: event.client, startedAt: new Date().toISOString(), sessionId });
    } else if (event.type === "message" && event.sessionId === sessionId) {
      text += formatMessageLine(event.at - t0, event.direction, event.text);
    } else if (event.type === "disconnect" && event.sessionId === sessionId) {
      text += formatRecordingEntry({ t: performance.now() - t0, event: "disconnect" });
    } else if (event.type === "session-close" && event.sessionId === sessionId && !ended) {
      ended = true;
      text += formatRecordingEntry({ t: performance.now() - t0, event: "end", reason: event.reason });
    }
  });
  return {
    text: () => text,
    stop() {
      unsubscribe();
      if (!ended) text += formatRecordingEntry({ t: performance.now() - t0, event: "end", reason: "recorder stopped" });
      ended = true;
      return parseRecording(text, "memory.weft.jsonl");
    },
  };
}
