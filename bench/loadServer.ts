import { createWeftServer } from "weft/server";

/**
 * The server side of the load run (bench/load.ts), in a process of its own so its heap holds
 * only the app's sessions: `weft run examples/counter.ts` as the command would start it, and a
 * message channel to the parent to report its memory after a full GC.
 */
const main = (await import("@weft/examples/counter.ts")).default;
const server = await createWeftServer({ main, port: 0, handleProcessErrors: true });
const gc = (globalThis as { gc?: () => void }).gc;

process.on("message", async (message: string) => {
  if (message === "memory") {
    for (let i = 0; i < 4; i++) {
      gc?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const { heapUsed, rss } = process.memoryUsage();
    process.send!({ heapUsed, rss, sessions: server.manager.sessions.size, cpu: process.cpuUsage() });
  } else if (message === "stop") {
    await server.close();
    process.exit(0);
  }
});
process.send!({ url: server.url });
