import { dirname, resolve } from "node:path";
import "weft"; // the runtime's hook, which the agent listens on (no session will ever open here)
import { attachAgent } from "@weft/agent";
import type { Recording } from "weft/testing";
import { CHANNEL_VERSION, type DeadSession } from "@weft/protocol/channel";
import { startChannelServer } from "./channelServer.ts";
import { Hub } from "./hub.ts";

export interface RecordingViewerOptions {
  /** The recordings to show, read already (`readRecording`: plain or gzip, checked). */
  recordings: Recording[];
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free one. */
  port?: number;
}

export interface RecordingViewer {
  /** The inspector page, with its token. */
  readonly inspectorUrl: string;
  /** Each recording as the inspector lists it (its session id, its steps' message numbers). */
  readonly sessions: DeadSession[];
  close(): Promise<void>;
}

/**
 * `weft inspect <recording>`: the inspector with no app behind it, showing recordings as ended
 * sessions (their tree at every step, messages, causal chains, time travel), the way
 * Playwright's trace viewer shows a trace. The same channel server, hub and agent as `weft dev`,
 * so every inspector feature that reads a session works on a recording; more can be dropped on
 * the page.
 */
export async function startRecordingViewer(options: RecordingViewerOptions): Promise<RecordingViewer> {
  const startedAt = Date.now();
  const agent = attachAgent({ sourceLocations: false });
  const first = options.recordings[0];
  const entry = first ? resolve(dirname(resolve(first.source)), first.header.app) : process.cwd();
  const hub = new Hub({
    agent,
    hello: () => ({ type: "hello", version: CHANNEL_VERSION, app: { entry, url: "", root: dirname(entry) }, pid: process.pid, startedAt, viewer: true }),
    backlog: () => [],
    stats: () => ({ pid: process.pid, uptimeMs: Date.now() - startedAt, heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss, activeResources: {}, sessions: 0, swaps: 0 }),
  });
  const sessions = options.recordings.map((recording) => agent.inspect!.openRecording(recording));
  const channel = await startChannelServer({ hub, host: options.host, port: options.port ?? 0 });
  return {
    inspectorUrl: channel.inspectorUrl,
    sessions,
    async close() {
      await channel.close();
      hub.dispose();
      agent.dispose();
    },
  };
}
