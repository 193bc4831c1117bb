import { fileURLToPath } from "node:url";
import { getHeapStatistics } from "node:v8";
import type { AppMain } from "weft";
import { grid } from "./runtime.ts";
import { meterWebSockets, serveApp, type WireBytes, type WireVariant } from "./wire.ts";

/**
 * An app server for bench/compression.ts in a process of its own, so that its CPU and memory
 * are its own (not Playwright's, not the clients'). Serves the app with the wire set up as
 * `variant` says and answers "stats" (CPU, bytes) and "memory" (the same, after GC) over IPC.
 *
 *   node --expose-gc --import tsx bench/serverProcess.ts <off|on|takeover> <grid|grid-no-alt|module path>
 */
export interface ServerStats {
  /** `process.cpuUsage()` user + system, µs since the process started. */
  cpuMicros: number;
  /** Bytes of frames on the latest WebSocket's TCP socket. */
  wire: WireBytes;
  /** After two full garbage collections, when asked for memory (0 otherwise): the process's resident set. */
  rss: number;
  /** The same moment: live V8 heap + `external` (ArrayBuffers; zlib's native memory is not in it). */
  heapAndExternal: number;
  /**
   * Live V8 heap + everything outside the V8 heap (RSS less the heap's resident pages): memory
   * the process holds for its sessions, zlib's included, without the empty heap pages V8 keeps.
   */
  live: number;
  sessions: number;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [variant, app] = process.argv.slice(2) as [WireVariant, string];
  const main: AppMain = app === "grid" ? grid(4000) : app === "grid-no-alt" ? grid(4000, { alt: false }) : ((await import(app)) as { default: AppMain }).default;
  const server = await serveApp(main, variant);
  const meter = meterWebSockets(server.http);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  process.on("message", async (message) => {
    if (message === "stop") {
      await server.close();
      process.exit(0);
    }
    if (message !== "stats" && message !== "memory") return;
    const cpu = process.cpuUsage();
    let wire: WireBytes = { sent: 0, received: 0 };
    try {
      wire = meter.latest();
    } catch {
      // no socket yet
    }
    const stats: ServerStats = { cpuMicros: cpu.user + cpu.system, wire, rss: 0, heapAndExternal: 0, live: 0, sessions: server.manager.sessions.size };
    if (message === "memory") {
      // Let zlib streams freed "after the current callback chain" go, then collect twice (weak refs, finalizers).
      await new Promise((resolve) => setTimeout(resolve, 50));
      gc();
      gc();
      const memory = process.memoryUsage();
      stats.rss = memory.rss;
      stats.heapAndExternal = memory.heapUsed + memory.external;
      stats.live = memory.heapUsed + memory.rss - getHeapStatistics().total_physical_size;
    }
    process.send!(stats);
  });
  process.send!({ url: server.url, port: server.port });
}
