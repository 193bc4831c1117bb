import { mkdirSync } from "node:fs";
import { basename, extname, join, relative, resolve, sep } from "node:path";
import type { HookEvent, WeftHook } from "weft";
import { formatMessageLine, formatRecordingEntry, formatRecordingHeader } from "weft/testing";
import { openRecordingSink, type RecordingSink } from "./recordingSink.ts";

export interface RecorderOptions {
  /** Where recordings go; created if missing. One file per session. */
  dir: string;
  /** The app's entry module (its path is written into each header, relative to `dir`). */
  app: string;
  /** The hook to listen on. Default: `globalThis.__WEFT_HOOK__`, which the runtime installs. */
  hook?: WeftHook;
  /** Told about each new recording file as its session opens. */
  onRecording?: (file: string, sessionId: string) => void;
  /**
   * Write `.weft.jsonl.gz` (gzip) instead of plain `.weft.jsonl`: 3–5× smaller, but not
   * readable as text in a review, and flushed to disk once a second rather than line by line
   * (docs/recording.md). Replay and `--emit-test` read both. Default false.
   */
  gzip?: boolean;
}

interface OpenRecording {
  file: string;
  sink: RecordingSink;
  /** `performance.now()` when the session opened: every line's `t` counts from here. */
  t0: number;
}

/**
 * Records every session that opens from now on into `dir`, one JSON Lines file per session, in
 * the format `weft/testing` reads back (docs/recording.md). Only listens on the instrumentation
 * hook: it needs nothing else of the devserver or the agent, so `weft run --record` and
 * `weft dev --record` both use it.
 *
 * Plain lines are written synchronously as they happen, so a recording is complete up to the
 * last message even if the process dies; the `end` line is written when the session closes, or
 * by the returned `stop()` for sessions still open. `stop()` is idempotent and resolves once
 * every file is complete on disk (a gzip file finishes asynchronously).
 */
export function startRecorder(options: RecorderOptions): () => Promise<void> {
  const hook = options.hook ?? globalThis.__WEFT_HOOK__;
  if (!hook) {
    throw new Error("weft recorder: no weft runtime in this process (globalThis.__WEFT_HOOK__ is missing); import 'weft' before starting the recorder");
  }
  const dir = resolve(options.dir);
  const appPath = resolve(options.app);
  const appName = basename(appPath, extname(appPath));
  // Relative to the recording, so the pair can move together (a repository checked out elsewhere).
  const appFromDir = relative(dir, appPath).split(sep).join("/");
  mkdirSync(dir, { recursive: true });
  const open = new Map<string, OpenRecording>();
  /** Files still being finished (gzip ones close asynchronously): what `stop()` waits for. */
  const closing = new Set<Promise<void>>();

  const close = (recording: OpenRecording) => {
    const closed = recording.sink.close().catch(() => {}); // a failure was already said by onError
    closing.add(closed);
    void closed.then(() => closing.delete(closed));
  };

  const stopRecording = (sessionId: string, recording: OpenRecording, err: Error) => {
    if (open.get(sessionId) !== recording) return;
    console.error(`weft: stopped recording session ${sessionId} to ${recording.file}: ${err.message}`);
    open.delete(sessionId);
    close(recording);
  };

  const write = (sessionId: string, recording: OpenRecording, line: string) => {
    try {
      recording.sink.write(line);
    } catch (err) {
      stopRecording(sessionId, recording, err as Error);
    }
  };

  const finish = (sessionId: string, reason: string) => {
    const recording = open.get(sessionId);
    if (!recording) return;
    write(sessionId, recording, formatRecordingEntry({ t: performance.now() - recording.t0, event: "end", reason }));
    if (open.get(sessionId) !== recording) return; // that write failed, and closed it
    open.delete(sessionId);
    close(recording);
  };

  const onEvent = (event: HookEvent) => {
    switch (event.type) {
      case "session-open": {
        const sessionId = event.session.id;
        const startedAt = new Date();
        const stamp = startedAt.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
        const file = join(dir, `${appName}-${stamp}-${sessionId.slice(0, 8)}.weft.jsonl${options.gzip ? ".gz" : ""}`);
        let recording: OpenRecording;
        try {
          const sink = openRecordingSink(file, { gzip: options.gzip ?? false, onError: (err) => stopRecording(sessionId, recording, err) });
          recording = { file, sink, t0: performance.now() };
        } catch (err) {
          console.error(`weft: cannot record session ${sessionId}: ${(err as Error).message}`);
          return;
        }
        open.set(sessionId, recording);
        write(sessionId, recording, formatRecordingHeader({ app: appFromDir, client: event.client, startedAt: startedAt.toISOString(), sessionId }));
        options.onRecording?.(file, sessionId);
        return;
      }
      case "message": {
        const recording = open.get(event.sessionId);
        if (!recording) return;
        const t = Math.max(0, event.at - recording.t0);
        let json = event.text; // the server's own frames are JSON.stringify output: one line, trusted
        if (event.direction === "in") {
          const line = oneLineJson(json);
          if (line === null) {
            // A broken frame from a browser: keep it as a fact, not as a message to replay.
            write(event.sessionId, recording, formatRecordingEntry({ t, event: "bad-frame", text: json.slice(0, 1000) }));
            return;
          }
          json = line;
        }
        write(event.sessionId, recording, formatMessageLine(t, event.direction, json));
        return;
      }
      case "disconnect": {
        const recording = open.get(event.sessionId);
        if (recording) write(event.sessionId, recording, formatRecordingEntry({ t: performance.now() - recording.t0, event: "disconnect" }));
        return;
      }
      case "session-close":
        finish(event.sessionId, event.reason);
        return;
      default:
        return; // patches, handlers, errors: what the messages already say, or not the session's story
    }
  };

  const unsubscribe = hook.subscribe(onEvent);
  let stopped = false;
  return async () => {
    if (!stopped) {
      stopped = true;
      unsubscribe();
      for (const sessionId of [...open.keys()]) finish(sessionId, "recorder stopped");
    }
    await Promise.all(closing);
  };
}

/** A browser's frame as one line of JSON (a client may pretty-print), or null if it is not JSON. */
function oneLineJson(text: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return /[\r\n]/.test(text) ? JSON.stringify(value) : text;
}
