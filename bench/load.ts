import type { ChildProcess } from "node:child_process";
import { WebSocket } from "ws";
import { PROTOCOL_VERSION, type ServerMessage } from "@weft/protocol";
import { forkBenchServer, nextMessage } from "./benchChild.ts";
import { fmt, summarize, table } from "./stats.ts";
import { findKey } from "./wireTree.ts";

/**
 * A load run: 1,000 sessions of the counter on one `weft run` process, opened by raw `ws`
 * clients that register as the renderer does. Figures: the server's heap per idle session (after
 * a full GC, the heap with 1,000 sessions minus the heap with none, over 1,000), and click →
 * patch latency as the clients see it, with clicks spread over random sessions at 200 and at
 * 1,000 events a second. Reference (issue 10): 23 KB per session, p99 4.4 ms.
 */
const SESSIONS = Number(process.env.WEFT_BENCH_SESSIONS ?? 1000);
const SECONDS = Number(process.env.WEFT_BENCH_LOAD_SECONDS ?? 5);

interface Memory {
  heapUsed: number;
  rss: number;
  sessions: number;
  cpu: NodeJS.CpuUsage;
}

export async function run(): Promise<void> {
  console.log(`\n## Load: ${SESSIONS.toLocaleString("en")} sessions on one process (issue 10)\n`);
  const server = forkBenchServer(new URL("./loadServer.ts", import.meta.url), [], { exposeGc: true });
  try {
    const { url } = await nextMessage<{ url: string }>(server);
    const before = await memory(server);
    const clients: Client[] = [];
    for (let i = 0; i < SESSIONS; i += 50) {
      clients.push(...(await Promise.all(Array.from({ length: Math.min(50, SESSIONS - i) }, () => openClient(url)))));
      if ((i + 50) % 250 === 0) process.stdout.write(`  opened ${i + 50} sessions\r`);
    }
    process.stdout.write("\n");
    const idle = await memory(server);
    if (idle.sessions !== SESSIONS) throw new Error(`expected ${SESSIONS} sessions on the server, found ${idle.sessions}`);
    const perSession = (idle.heapUsed - before.heapUsed) / SESSIONS;
    const rssPerSession = (idle.rss - before.rss) / SESSIONS;
    console.log(`Memory per idle session (server heap after GC): ${(perSession / 1024).toFixed(1)} KB  (RSS: ${(rssPerSession / 1024).toFixed(1)} KB; reference 23 KB)`);

    const rows = [["events/s", "clicks", "p50", "p95", "p99", "max", "server CPU / event"]];
    for (const rate of [200, 1000]) {
      const cpu0 = (await memory(server)).cpu;
      const samples = await clickLoad(clients, rate, SECONDS);
      const cpu1 = (await memory(server)).cpu;
      const s = summarize(samples);
      const cpuMs = (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / 1000 / samples.length;
      rows.push([String(rate), String(s.n), fmt(s.p50), fmt(s.p95), fmt(s.p99), fmt(Math.max(...samples)), fmt(cpuMs)]);
    }
    console.log(`Click → patch as the clients see it (loopback, random sessions, ${SECONDS} s per rate):`);
    table(rows);
    console.log("  (reference: p99 4.4 ms)\n");
    for (const client of clients) client.ws.terminate();
  } finally {
    server.send("stop");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

interface Client {
  ws: WebSocket;
  inc: number;
  /** Send times of the clicks waiting for their patch, in order. */
  pending: number[];
  onPatch: ((ms: number) => void) | null;
}

function openClient(url: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace("http", "ws") + "ws");
    const client: Client = { ws, inc: 0, pending: [], onPatch: null };
    ws.on("error", reject);
    ws.on("open", () =>
      ws.send(JSON.stringify({ type: "register", protocol: PROTOCOL_VERSION, client: { route: "/", userAgent: "bench", width: 1280, height: 720, brightness: "light" } })),
    );
    ws.on("message", (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      if (message.type === "registered") {
        client.inc = findKey(message.page, "inc")!.i;
        resolve(client);
      } else if (message.type === "patch") {
        const sent = client.pending.shift();
        if (sent !== undefined) client.onPatch?.(performance.now() - sent);
      }
    });
  });
}

/** Clicks at `rate` a second on random sessions for `seconds`; resolves with each click's latency. */
async function clickLoad(clients: Client[], rate: number, seconds: number): Promise<number[]> {
  const samples: number[] = [];
  for (const client of clients) client.onPatch = (ms) => samples.push(ms);
  const total = rate * seconds;
  const t0 = performance.now();
  for (let sent = 0; sent < total; ) {
    // Catch up with the schedule in batches of whatever is due: timers are coarse at 1 ms.
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * rate));
    for (; sent < due; sent++) {
      const client = clients[Math.floor(Math.random() * clients.length)]!;
      client.pending.push(performance.now());
      client.ws.send(JSON.stringify({ type: "event", id: client.inc, name: "click" }));
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const deadline = performance.now() + 10_000;
  while (samples.length < total && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  if (samples.length < total) throw new Error(`${total - samples.length} of ${total} clicks got no patch`);
  for (const client of clients) client.onPatch = null;
  return samples.slice(Math.floor(samples.length * 0.05)); // without the warm-up
}

function memory(server: ChildProcess): Promise<Memory> {
  server.send("memory");
  return nextMessage<Memory>(server);
}


