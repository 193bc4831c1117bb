import { serveApp, type WireVariant } from "./wire.ts";

/**
 * The server side of "memory per idle session" (bench/compression.ts), in a process of its own
 * so the clients' memory is not counted: serves `app` with the wire set up as `variant` says,
 * and answers "measure" with its memory after a full garbage collection.
 *
 *   node --expose-gc --import tsx bench/idleSessionServer.ts <on|off|takeover> <app module>
 */
const [variant, app] = process.argv.slice(2) as [WireVariant, string];
const main = ((await import(app)) as { default: Parameters<typeof serveApp>[0] }).default;
const server = await serveApp(main, variant);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

process.on("message", async (message) => {
  if (message === "stop") {
    await server.close();
    process.exit(0);
  }
  if (message !== "measure") return;
  // Let streams freed "after the current callback chain" go, then collect twice (weak refs, finalizers).
  await new Promise((resolve) => setTimeout(resolve, 100));
  gc();
  gc();
  const memory = process.memoryUsage();
  process.send!({ rss: memory.rss, heap: memory.heapUsed + memory.external, sessions: server.manager.sessions.size });
});
process.send!({ port: server.port });
