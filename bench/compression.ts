import { once } from "node:events";
import type { IncomingMessage } from "node:http";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { WebSocket } from "ws";
import { CHANNEL_VERSION } from "@weft/protocol/channel";
import { constants, deflateRawSync } from "node:zlib";
import { PROTOCOL_VERSION } from "@weft/protocol";
import { startWeft } from "@weft/test/support/weftProcess.ts";
import { Connection, perMessageDeflateOptions, SessionManager } from "weft/server";
import { forkBenchServer, nextMessage } from "./benchChild.ts";
import { clickToDom, grid, launch, loadGrid } from "./runtime.ts";
import type { ServerStats } from "./serverProcess.ts";
import { fmt, summarize, table } from "./stats.ts";
import type { WireVariant } from "./wire.ts";

/**
 * Wire compression (issue 19), every figure with and without it, side by side in one run:
 *  1. first-page bytes on the TCP socket for the 4,000-control page (goal ≤ Flet's 11.6 KiB),
 *     and navigation → drawn in Chromium;
 *  2. click → DOM p50 in Chromium (goal ≤ 1.1× uncompressed), server CPU per event
 *     (`process.cpuUsage`) and bytes per event both ways: a stream of small patches;
 *  3. memory per idle session (goal ≤ 25 KB);
 *  4. the devtools channel: bytes of a 10,000-control tree snapshot to a tool.
 * Each server runs in a process of its own (bench/serverProcess.ts), so its CPU and memory are
 * not Playwright's or the clients'.
 * "takeover" is weft's window with context takeover, the setup weft turned down: it shows what
 * small patches would gain and what every socket would pay for it.
 */
export async function run(): Promise<void> {
  console.log("\n## Wire compression (issue 19)\n");
  const only = process.env.WEFT_BENCH_COMPRESSION; // "first-page", "ids", "clicks", "memory" or "channel", to run one part
  const browser = await launch();
  try {
    if (!only || only === "first-page") await firstPage(browser);
    if (!only || only === "first-page" || only === "ids") idForms();
    if (!only || only === "clicks") await clicks(browser);
  } finally {
    await browser.close();
  }
  if (!only || only === "memory") await idleMemory();
  if (!only || only === "channel") await channelTree();
}

const FLET_FIRST_PAGE = 11.6 * 1024;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const variants: WireVariant[] = ["off", "on", "takeover"];
/** Each round runs the variants in another order, so a slow moment of the machine is spread over all. */
const rotate = <T>(list: T[], round: number) => [...list.slice(round % list.length), ...list.slice(0, round % list.length)];

interface ServerProcess {
  url: string;
  port: number;
  /** CPU and bytes so far; with `memory`, also its memory after a full GC. */
  stats(memory?: boolean): Promise<ServerStats>;
  stop(): Promise<void>;
}

/** Starts bench/serverProcess.ts serving `app` ("grid", "grid-no-alt" or a module path) with the wire as `variant` says. */
async function startServer(variant: WireVariant, app: string): Promise<ServerProcess> {
  const child = forkBenchServer(new URL("./serverProcess.ts", import.meta.url), [variant, app], { exposeGc: true });
  const { url, port } = await nextMessage<{ url: string; port: number }>(child, `the ${variant} server`);
  return {
    url,
    port,
    async stats(memory = false) {
      const answer = nextMessage<ServerStats>(child, `the ${variant} server`);
      child.send(memory ? "memory" : "stats");
      return answer;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.send("stop");
      await exited;
    },
  };
}

async function withServers<T>(app: string, body: (servers: Record<WireVariant, ServerProcess>) => Promise<T>): Promise<T> {
  const servers = {} as Record<WireVariant, ServerProcess>;
  try {
    for (const variant of variants) servers[variant] = await startServer(variant, app);
    return await body(servers);
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
  }
}

async function firstPage(browser: Browser) {
  const pages = [
    { name: "4,000 controls, an alt text per image", app: "grid" },
    { name: "4,000 controls, no alt (Flet's #6270 page)", app: "grid-no-alt" },
  ];
  const rows = [["first page", ...variants.map((v) => `${v}: wire`), "on / off", "on / Flet 11.6 KiB", ...variants.map((v) => `${v}: drawn p50`)]];
  for (const { name, app } of pages) {
    await withServers(app, async (servers) => {
      const bytes = {} as Record<WireVariant, number>;
      const times: Record<WireVariant, number[]> = { off: [], on: [], takeover: [] };
      for (let round = 0; round < 4; round++) {
        for (const variant of rotate(variants, round)) {
          const page = await browser.newPage();
          const ms = await loadGrid(page, servers[variant].url, 2000);
          if (round > 0) times[variant].push(ms); // the first load warms the browser's cache and the server's JIT
          bytes[variant] = (await servers[variant].stats()).wire.sent;
          await page.close();
        }
      }
      rows.push([
        name,
        ...variants.map((v) => kib(bytes[v])),
        `${(bytes.on / bytes.off).toFixed(3)}`,
        `${(bytes.on / FLET_FIRST_PAGE).toFixed(2)}`,
        ...variants.map((v) => fmt(summarize(times[v]).p50)),
      ]);
    });
  }
  console.log("First page in Chromium: bytes of WebSocket frames on the server's TCP socket (handshake not counted), navigation → every image drawn:");
  table(rows);
  console.log("  (Flet 0.86 sends 11.6 KiB for its 4,000-control page; goal: on ≤ 11.6 KiB)\n");
}

/**
 * The first page's frame as a client that asks for relative ids gets it (the renderer does) and
 * as one that does not (an older renderer, a test client), deflated as the server's socket
 * deflates it: what the relative form saves, in one run.
 */
function idForms() {
  const settings = perMessageDeflateOptions() as Exclude<ReturnType<typeof perMessageDeflateOptions>, false>;
  const rows = [["first page's frame", "absolute ids: JSON", "deflated", "relative ids: JSON", "deflated", "relative / absolute (deflated)"]];
  for (const { name, alt } of [{ name: "4,000 controls, an alt text per image", alt: true }, { name: "4,000 controls, no alt", alt: false }]) {
    const frame = (ids: boolean) => {
      const manager = new SessionManager(grid(4000, { alt }), { blockWarnMs: 60_000 });
      let text = "";
      const connection = new Connection(manager, { send: (t) => void (text ||= t), close() {} }, { ip: "127.0.0.1" });
      connection.receive(JSON.stringify({ type: "register", protocol: PROTOCOL_VERSION, client: { route: "/" }, ...(ids ? { ids: "relative" } : {}) }));
      manager.closeAll("bench");
      const deflated = deflateRawSync(text, { windowBits: settings.serverMaxWindowBits, memLevel: settings.zlibDeflateOptions?.memLevel, finishFlush: constants.Z_SYNC_FLUSH }).length;
      return { json: Buffer.byteLength(text), deflated };
    };
    const absolute = frame(false);
    const relative = frame(true);
    rows.push([name, kib(absolute.json), kib(absolute.deflated), kib(relative.json), kib(relative.deflated), (relative.deflated / absolute.deflated).toFixed(2)]);
  }
  console.log("The first page's frame with absolute and relative node ids (register.ids), deflated with the server's settings:");
  table(rows);
  console.log("");
}

async function clicks(browser: Browser) {
  const counter = fileURLToPath(new URL("../examples/counter.ts", import.meta.url));
  await withServers(counter, async (servers) => {
    const samples: Record<WireVariant, number[]> = { off: [], on: [], takeover: [] };
    const cpuMicros: Record<WireVariant, number> = { off: 0, on: 0, takeover: 0 };
    const bytes: Record<WireVariant, { sent: number; received: number }> = { off: { sent: 0, received: 0 }, on: { sent: 0, received: 0 }, takeover: { sent: 0, received: 0 } };
    const rounds = 8;
    const clicksPerRun = 80;
    const counted = clicksPerRun - 10; // the first clicks of a page warm it up
    // Short runs, many rounds, the variants' order rotating: the machine's slow moments land on every variant alike.
    for (let round = 0; round <= rounds; round++) {
      for (const variant of rotate(variants, round)) {
        const page = await browser.newPage();
        await page.goto(servers[variant].url);
        await page.waitForSelector('[data-weft-key="count"]');
        await clickToDom(page, 10);
        const before = await servers[variant].stats();
        const run = await clickToDom(page, clicksPerRun);
        const after = await servers[variant].stats();
        await page.close();
        if (round === 0) continue; // warm-up round
        samples[variant].push(...run.slice(clicksPerRun - counted));
        cpuMicros[variant] += after.cpuMicros - before.cpuMicros;
        bytes[variant].sent += after.wire.sent - before.wire.sent;
        bytes[variant].received += after.wire.received - before.wire.received;
      }
    }
    const total = rounds * clicksPerRun;
    const stats = Object.fromEntries(variants.map((v) => [v, { ...summarize(samples[v]), trimmed: trimmedMean(samples[v]) }])) as Record<WireVariant, ReturnType<typeof summarize> & { trimmed: number }>;
    const rows = [["", "click → DOM p50", "p50 / off", "trimmed mean", "mean / off", "p95", "server CPU / click", "wire bytes / click"]];
    for (const v of variants) {
      rows.push([
        v,
        fmt(stats[v].p50),
        (stats[v].p50 / stats.off.p50).toFixed(2),
        fmt(stats[v].trimmed),
        (stats[v].trimmed / stats.off.trimmed).toFixed(2),
        fmt(stats[v].p95),
        `${(cpuMicros[v] / total).toFixed(0)} µs`,
        `${(bytes[v].sent / total).toFixed(0)} B patch down, ${(bytes[v].received / total).toFixed(0)} B event up`,
      ]);
    }
    console.log(`Counter in Chromium, loopback: ${rounds} rounds × ${clicksPerRun} clicks per variant, ${counted} counted each; CPU of the server's process (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores):`);
    table(rows);
    console.log("  (goal: on ≤ 1.1× off. Chromium's clock has a 0.1 ms grain, so p50s move in 0.1 ms steps; the 10–90% trimmed mean does not.");
    console.log("   Chromium compresses every frame it sends: the server inflates each event, in one synchronous step; patches under 1 KiB go uncompressed)\n");
  });
}

/** The mean of the samples between the 10th and 90th percentile. */
function trimmedMean(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const kept = sorted.slice(Math.floor(sorted.length * 0.1), Math.ceil(sorted.length * 0.9));
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}

const register = JSON.stringify({ type: "register", protocol: PROTOCOL_VERSION, client: { route: "/", userAgent: "bench" } });

/** Opens `n` sessions, each a WebSocket that offers and uses compression as Chromium does, and leaves them idle. */
async function openSessions(port: number, n: number, into: WebSocket[]): Promise<void> {
  for (let done = 0; done < n; done += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, n - done) }, async () => {
        // ws's client offers "permessage-deflate; client_max_window_bits", as Chromium does; threshold 0 compresses every frame, as Chromium does.
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { perMessageDeflate: { threshold: 0 } });
        into.push(ws);
        await once(ws, "open");
        const registered = once(ws, "message");
        ws.send(register);
        await registered;
      }),
    );
  }
}

async function idleMemory() {
  const apps = [
    { name: "counter", path: fileURLToPath(new URL("../examples/counter.ts", import.meta.url)), n: 2000 },
    { name: "gallery (18 KB first page)", path: fileURLToPath(new URL("../examples/gallery.ts", import.meta.url)), n: 400 },
  ];
  const rows = [["idle session", ...variants.map((v) => `${v}: live`), ...variants.map((v) => `${v}: RSS`), "on / off (live)"]];
  for (const app of apps) {
    const live = {} as Record<WireVariant, number>;
    const rss = {} as Record<WireVariant, number>;
    for (const variant of variants) {
      const server = await startServer(variant, app.path);
      const clients: WebSocket[] = [];
      try {
        await openSessions(server.port, 20, clients); // warm-up: code paths compiled, arenas grown
        const base = await server.stats(true);
        await openSessions(server.port, app.n, clients);
        const loaded = await server.stats(true);
        if (loaded.sessions - base.sessions !== app.n) throw new Error(`expected ${app.n} more sessions, the server has ${loaded.sessions - base.sessions}`);
        live[variant] = (loaded.live - base.live) / app.n;
        rss[variant] = (loaded.rss - base.rss) / app.n;
      } finally {
        for (const ws of clients) ws.terminate();
        await server.stop();
      }
    }
    rows.push([`${app.name}, ${app.n} sessions`, ...variants.map((v) => kib(live[v])), ...variants.map((v) => kib(rss[v])), (live.on / live.off).toFixed(2)]);
  }
  console.log("Memory per idle session: sessions opened by WebSocket clients that compress as Chromium does, the server's process after GC:");
  table(rows);
  console.log("  (live: the V8 heap in use plus all memory outside the V8 heap, zlib's included; RSS also counts the heap's empty pages. Goal: on ≤ 25 KB)\n");
}

/** `weft dev` on the inspector's 10,000-control fixture, a tab's session, and a tool that watches its tree: bytes of the snapshot. */
async function channelTree() {
  const app = fileURLToPath(new URL("../test/fixtures/inspector/bigApp.ts", import.meta.url));
  const rows = [["devtools channel", "hello + tree: JSON", "on the wire", "wire / JSON"]];
  for (const variant of ["off", "on"] as const) {
    const dev = await startWeft("dev", [app, ...(variant === "off" ? ["--no-compression"] : [])], { timeoutMs: 60_000 });
    try {
      const tab = new WebSocket(`ws://${new URL(dev.url).host}/ws`);
      await once(tab, "open");
      const registered = once(tab, "message");
      tab.send(register);
      const { sessionId } = JSON.parse(String((await registered)[0])) as { sessionId: string };
      const inspector = new URL(dev.urls.Inspector!);
      // ws's client offers what Chromium's inspector page offers.
      const tool = new WebSocket(`ws://${inspector.host}/channel?token=${inspector.searchParams.get("token")}`);
      const upgraded = once(tool, "upgrade") as Promise<[IncomingMessage]>;
      const [[res]] = await Promise.all([upgraded, once(tool, "open")]);
      let json = 0;
      const tree = new Promise<void>((resolve) =>
        tool.on("message", (data) => {
          json += Buffer.byteLength(String(data));
          if (String(data).includes('"type":"tree"')) resolve();
        }),
      );
      const before = res.socket.bytesRead;
      tool.send(JSON.stringify([{ type: "hello", version: CHANNEL_VERSION, client: "bench" }, { type: "watch", sessionId, tree: true }]));
      await tree;
      const wire = res.socket.bytesRead - before;
      rows.push([variant, kib(json), kib(wire), (wire / json).toFixed(3)]);
      tool.close();
      tab.close();
    } finally {
      await dev.stop();
    }
  }
  console.log("Devtools channel, a tool watching a 10,000-control session (weft dev, bytes on the tool's TCP socket):");
  table(rows);
  console.log("");
}
