import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page as BrowserPage } from "playwright-core";
import { launchBenchChromium } from "./chromium.ts";
import { WebSocket } from "ws";
import { startDevServer, type DevEvent, type DevServer } from "@weft/devserver";
import { saveToVisible } from "./saveToVisible.ts";
import { fmt, summarize, table } from "./stats.ts";

/**
 * `weft dev` figures (docs/hot-swap.md "Figures"), side by side in one run:
 *  1. save → new handler active in every live session (in-process devserver, 1 and 50 sessions);
 *  2. save → changed view visible in Chromium (1 and 50 sessions);
 *  3. the same kind of edit under Vite + React Fast Refresh, in the same Chromium;
 *  4. the same edit under a plain restart (`node --watch` of `weft run`), the browser reconnecting.
 * Edits are ≥ 150 ms apart, as a person saves, and never within chokidar's 50 ms per-file window.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const EDITS = Number(process.env.WEFT_BENCH_EDITS ?? 24);
/** Session counts of the swap-cost curve (`WEFT_BENCH_CURVE=1,10,50,200`). */
const CURVE = (process.env.WEFT_BENCH_CURVE ?? "1,10,50,200").split(",").map(Number);
/** `WEFT_BENCH_DEV=curve`: only the swap-cost curve (the figures issue 19 tracks). */
const ONLY_CURVE = process.env.WEFT_BENCH_DEV === "curve";

export async function run(): Promise<void> {
  console.log("\n## weft dev: hot swap\n");
  const browser = await launchBenchChromium();
  try {
    const rows = [["measure", "sessions", "p50", "p95", "n"]];
    if (!ONLY_CURVE) {
      for (const sessions of [1, 50]) rows.push(...(await weftDev(browser, sessions)));
      rows.push(...(await weftDev(browser, 50, { sourceLocations: false, handlerOnly: true })));
    }
    // The curve: how the swap's cost grows with the number of live sessions.
    for (const sessions of CURVE) rows.push(...(await weftDev(browser, sessions, { handlerOnly: true, curve: true })));
    if (!ONLY_CURVE) {
      for (const warmUp of [true, false]) rows.push(await firstDependencySave(warmUp));
      rows.push(await viteFastRefresh(browser));
      rows.push(await plainRestart(browser));
    }
    table(rows);
    console.log(`\n  load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus().length} cores`);
    console.log(
      "\n  handler: write → the new code answers every session's next event (the first session swapped, the others holding their input until their own swap, which follows)." +
        "\n  every session swapped: write → the last session swapped (the report printed)." +
        "\n  visible: write → the new label in Chromium's DOM (MutationObserver in the page, same clock)." +
        "\n  restart: node --watch restarts weft run; the tab reconnects (its state is gone)." +
        "\n  first save of a dependency: a fresh weft dev, then the first edit of a module the app imports (whole graph warmed at start-up, or not at all)." +
        "\n  no creation sites: the agent's source locations (reveal in editor) off: one stack capture less per construction.",
    );
  } finally {
    await browser.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();

function scratch(name: string): string {
  const dir = join(root, ".tmp", `bench-${name}-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

// ---------------------------------------------------------------- weft dev

async function weftDev(browser: Browser, sessionCount: number, variant: { sourceLocations?: boolean; handlerOnly?: boolean; curve?: boolean } = {}): Promise<string[][]> {
  const dir = scratch("dev");
  const file = join(dir, "app.ts");
  copyFileSync(join(root, "test/fixtures/dev/app.ts"), file);
  const dev = await startDevServer({ entry: file, port: 0, print: false, sourceLocations: variant.sourceLocations ?? true });
  const label = variant.sourceLocations === false ? " (no creation sites)" : variant.curve ? " (curve)" : "";
  const clients: HeadlessTab[] = [];
  let page: BrowserPage | null = null;
  try {
    page = await browser.newPage();
    await page.goto(dev.appUrl);
    await page.locator('[data-weft-key="inc"]').waitFor();
    for (let i = 1; i < sessionCount; i++) clients.push(await openTab(dev.appUrl));
    const source = readFileSync(file, "utf8");

    // 1. handler-only edits: `const step = K`
    const handler: number[] = [];
    const everySession: number[] = [];
    const engineShare: number[] = [];
    const waitShare: number[] = [];
    const importShare: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const step = 2 + i;
      const t0 = now();
      const swapped = nextSwap(dev);
      writeFileSync(file, source.replace("const step = 1;", `const step = ${step};`));
      const event = await swapped;
      everySession.push(now() - t0);
      // Active: the new code answers every session's next event (the report says when).
      if (event.type === "swap") handler.push(performance.timeOrigin + event.changedAt + (event.report.activeMs ?? event.report.ms) - t0);
      const phases = event.type === "swap" ? event.report.phases : undefined;
      if (phases && event.type === "swap" && event.report.activeMs !== undefined) {
        engineShare.push(event.report.activeMs - phases.waitMs - phases.importMs);
        waitShare.push(performance.timeOrigin + event.changedAt + phases.waitMs - t0);
        importShare.push(phases.importMs);
      }
      // The newest tab (the last swapped) runs the new handler on its next click.
      if (i === 0 && clients.length > 0) await clients.at(-1)!.expectStep(step);
      await sleep(150);
    }

    const h = summarize(handler);
    const s = summarize(everySession);
    const e = summarize(engineShare);
    const w = summarize(waitShare);
    const m = summarize(importShare);
    const rows = [
      [`weft dev: save → new handler active${label}`, String(sessionCount), fmt(h.p50), fmt(h.p95), String(h.n)],
      ["  of which write → the swap's import starts", String(sessionCount), fmt(w.p50), fmt(w.p95), String(w.n)],
      ["  of which the changed modules' import", String(sessionCount), fmt(m.p50), fmt(m.p95), String(m.n)],
      ["  of which the engine (swap start → active)", String(sessionCount), fmt(e.p50), fmt(e.p95), String(e.n)],
      ["  save → every session swapped", String(sessionCount), fmt(s.p50), fmt(s.p95), String(s.n)],
    ];
    if (variant.handlerOnly) return rows;

    // 2. a label edit, seen in Chromium
    const visible = await saveToVisible(page, {
      selector: '[data-weft-key="inc"]',
      edits: EDITS,
      pauseMs: 150,
      write: (label) => writeFileSync(file, source.replace('"+" /* edit:inc-label */', JSON.stringify(label))),
    });
    const v = summarize(visible);
    rows.push(["weft dev: save → visible in Chromium", String(sessionCount), fmt(v.p50), fmt(v.p95), String(v.n)]);
    return rows;
  } finally {
    for (const c of clients) c.close();
    await page?.close();
    await dev.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function nextSwap(dev: DevServer): Promise<DevEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error("no swap within 10 s"));
    }, 10_000);
    const off = dev.onEvent((event) => {
      clearTimeout(timer);
      off();
      if (event.type === "build-error") reject(new Error(`the edit did not build: ${event.error.message}`));
      else resolve(event);
    });
  });
}

interface HeadlessTab {
  expectStep(step: number): Promise<void>;
  close(): void;
}

/** A tab without a browser: the protocol over a WebSocket, enough to hold a session open and click. */
async function openTab(appUrl: string): Promise<HeadlessTab> {
  const ws = new WebSocket(appUrl.replace(/^http/, "ws") + "ws");
  const frames: { type: string; page?: unknown; ops?: { id: number; props?: { value?: string } }[] }[] = [];
  let wake: (() => void) | null = null;
  ws.on("message", (data) => {
    frames.push(JSON.parse(String(data)));
    wake?.();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  ws.send(JSON.stringify({ type: "register", protocol: 1, client: { route: "/" } }));
  const until = async (found: () => boolean) => {
    const deadline = Date.now() + 5000;
    while (!found()) {
      if (Date.now() > deadline) throw new Error("headless tab: timed out");
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, 50);
      });
    }
  };
  await until(() => frames.some((f) => f.type === "registered"));
  const ids = new Map<string, number>();
  const walk = (node: { i: number; p: { key?: string }; c?: Record<string, unknown[]> }) => {
    if (node.p.key) ids.set(node.p.key, node.i);
    for (const children of Object.values(node.c ?? {})) for (const c of children) walk(c as typeof node);
  };
  walk(frames.find((f) => f.type === "registered")!.page as Parameters<typeof walk>[0]);
  let count = 0;
  return {
    async expectStep(step) {
      const from = frames.length;
      ws.send(JSON.stringify({ type: "event", id: ids.get("inc"), name: "click" }));
      await until(() => frames.slice(from).some((f) => f.ops?.some((op) => op.id === ids.get("count") && op.props?.value === String(count + step))));
      count += step;
    },
    close: () => ws.close(),
  };
}

// ---------------------------------------------------------------- the first save of a dependency

/** The first save of a module the app imports, on a freshly started weft dev (once per server: it is about cold code). */
async function firstDependencySave(warmUp: boolean): Promise<string[]> {
  const samples: number[] = [];
  for (let i = 0; i < Number(process.env.WEFT_BENCH_FIRST_SAVES ?? 6); i++) {
    const dir = scratch("first");
    const file = join(dir, "app.ts");
    const label = join(dir, "label.ts");
    writeFileSync(label, 'export const LABEL = "+";\n');
    writeFileSync(file, readFileSync(join(root, "test/fixtures/dev/app.ts"), "utf8").replace('import {', 'import { LABEL } from "./label.ts";\nimport {').replace('"+" /* edit:inc-label */', "LABEL"));
    const dev = await startDevServer({ entry: file, port: 0, print: false, warmUp });
    const tab = await openTab(dev.appUrl);
    try {
      const t0 = now();
      const swapped = nextSwap(dev);
      writeFileSync(label, 'export const LABEL = "plus";\n');
      await swapped;
      samples.push(now() - t0);
    } finally {
      tab.close();
      await dev.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const s = summarize(samples);
  return [`weft dev: first save of a dependency (${warmUp ? "graph warmed" : "no warm-up"})`, "1", fmt(s.p50), fmt(s.p95), String(s.n)];
}

// ---------------------------------------------------------------- Vite + React Fast Refresh

async function viteFastRefresh(browser: Browser): Promise<string[]> {
  const { createServer } = await import("vite");
  const react = (await import("@vitejs/plugin-react")).default;
  const dir = scratch("vite");
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "index.html"), `<!doctype html><html><body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body></html>`);
  writeFileSync(
    join(dir, "src/main.jsx"),
    `import { createRoot } from "react-dom/client";\nimport { App } from "./App.jsx";\ncreateRoot(document.getElementById("root")).render(<App />);\n`,
  );
  const app = (label: string) =>
    `import { useState } from "react";\nexport function App() {\n  const [n, setN] = useState(0);\n  return <div><span data-key="count">{n}</span><button data-key="inc" onClick={() => setN(n + 1)}>${label}</button></div>;\n}\n`;
  writeFileSync(join(dir, "src/App.jsx"), app("+"));
  const server = await createServer({ configFile: false, root: dir, logLevel: "silent", plugins: [react()], server: { port: 0, host: "127.0.0.1" } });
  await server.listen();
  const page = await browser.newPage();
  try {
    await page.goto(server.resolvedUrls!.local[0]!);
    await page.locator('[data-key="inc"]').waitFor();
    await page.locator('[data-key="inc"]').click();
    const samples = await saveToVisible(page, {
      selector: '[data-key="inc"]',
      edits: EDITS,
      pauseMs: 150,
      write: (label) => writeFileSync(join(dir, "src/App.jsx"), app(label)),
    });
    if ((await page.locator('[data-key="count"]').textContent()) !== "1") throw new Error("Fast Refresh lost the state");
    const s = summarize(samples);
    return ["Vite + React Fast Refresh: save → visible", "1", fmt(s.p50), fmt(s.p95), String(s.n)];
  } finally {
    await page.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- plain restart

async function plainRestart(browser: Browser): Promise<string[]> {
  const dir = scratch("restart");
  const file = join(dir, "app.ts");
  copyFileSync(join(root, "test/fixtures/dev/app.ts"), file);
  const source = readFileSync(file, "utf8");
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--watch", join(root, "cli/bin/weft.js"), "run", file, "--port", String(port)], {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c));
  child.stderr!.on("data", (c: Buffer) => (out += c));
  const page = await browser.newPage();
  try {
    const deadline = Date.now() + 30_000;
    while (!out.includes("App:")) {
      if (Date.now() > deadline) throw new Error(`weft run did not start:\n${out}`);
      await sleep(50);
    }
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.locator('[data-weft-key="inc"]').waitFor();
    const samples = await saveToVisible(page, {
      selector: '[data-weft-key="inc"]',
      edits: Math.min(EDITS, Number(process.env.WEFT_BENCH_RESTARTS ?? 20)),
      pauseMs: 300,
      timeoutMs: 30_000,
      write: (label) => writeFileSync(file, source.replace('"+" /* edit:inc-label */', JSON.stringify(label))),
    });
    const s = summarize(samples);
    return ["plain restart (node --watch, weft run): save → visible", "1", fmt(s.p50), fmt(s.p95), String(s.n)];
  } finally {
    await page.close();
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    rmSync(dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// `node --import tsx bench/dev.ts` runs this section alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await run();
  process.exit(0);
}
