import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import type { AppMain } from "weft";
import { createWeftServer } from "weft/server";
import { buildStatic, startPreview } from "@weft/static";
import { launchBenchChromium } from "./chromium.ts";
import { coldLoad, MARKS, type Mark } from "./coldLoad.ts";
import { fmt, summarize, table } from "./stats.ts";

/**
 * Static mode against server mode, side by side in one run, on the same apps and browser:
 * - first load: every response the tab fetches until the app is on screen (a fresh browser
 *   context each time: no HTTP cache, no service worker yet), raw and gzipped, as a static host or
 *   a compressing proxy sends it, plus, in server mode, the WebSocket frames that carry the page;
 *   the static build's offline cache, which its service worker fetches after that, on its own line;
 * - navigation → first paint: from the navigation's start to the frame after the app's first
 *   control is in the DOM (p50 of 5 cold loads), and before it the renderer's marks: its entry
 *   runs (and opens the link), the page's message arrives, React has run (main.tsx, mountApp.tsx);
 * - click → DOM updated: a click on a button until the text it changes shows (the counter, and
 *   the 4,000-control page). In static mode the app's session is in the tab's worker.
 * Goals (issue 13): the counter's static first load under 150 kB gzipped, first paint under 300 ms.
 */
const root = fileURLToPath(new URL("..", import.meta.url));

interface App {
  name: string;
  file: string;
  /** The key of a control that shows once the page is drawn. */
  shown: string;
  click?: { button: string; text: string; times: number };
}

const apps: App[] = [
  { name: "counter", file: "examples/counter.ts", shown: "count", click: { button: "inc", text: "count", times: 300 } },
  { name: "todo", file: "examples/todo.ts", shown: "new-task" },
  { name: "4,000 controls", file: "bench/apps/grid4000.ts", shown: "label", click: { button: "bump", text: "label", times: 100 } },
];

export async function run(): Promise<void> {
  console.log("\nstatic mode vs server mode (Chromium, loopback)");
  const browser = await launchBenchChromium();
  const scratch = mkdtempSync(join(tmpdir(), "weft-bench-static-"));
  const rows: string[][] = [["app", "mode", "first load (gzip)", "raw", "first paint p50", "click → DOM p50", "p95"]];
  const extra: string[] = [];
  try {
    for (const app of apps) {
      const main = ((await import(join(root, app.file))) as { default: AppMain }).default;
      const built = await buildStatic({ entry: join(root, app.file), outDir: join(scratch, app.name.replace(/\W+/g, "-")), log: () => {} });
      const preview = await startPreview({ dir: built.outDir, port: 0 });
      const server = await createWeftServer({ main, port: 0 });
      try {
        for (const [mode, url] of [["static", preview.url], ["server", server.url]] as const) {
          const load = await firstLoad(browser, url, app.shown);
          const click = app.click ? await clickLatency(browser, url, app.click) : undefined;
          const steps = load.breakdown.map((step) => `${MARKS[step.mark]} ${Math.round(step.p50)}`);
          extra.push(`${app.name}, ${mode}: ${[...steps, `first paint ${Math.round(load.paint.p50)}`].join(" → ")} ms (p50 from navigation)`);
          rows.push([
            app.name,
            mode,
            kb(load.gzip),
            kb(load.raw),
            fmt(load.paint.p50),
            click ? fmt(click.p50) : "—",
            click ? fmt(click.p95) : "—",
          ]);
        }
        extra.push(`${app.name}: the static build's service worker then caches ${built.precache.count} files (${kb(built.precache.bytes)}, fonts included) for offline use`);
      } finally {
        await preview.close();
        await server.close();
      }
    }
    table(rows);
    for (const line of extra) console.log(`  ${line}`);
    console.log(`  (load average ${loadavg().map((load) => load.toFixed(1)).join(" ")} on ${cpus().length} cores)`);
    console.log("  (Flet's static mode loads Pyodide: megabytes and ~5 s on first load, pyodide#1365; goal for the counter: < 150 kB gzipped, first paint < 300 ms)");
  } finally {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Cold loads: what the tab fetched until the app showed, when it was first painted, and what came
 * before. The bytes come from a load of their own: Playwright reads each response's body and
 * every WebSocket frame over the DevTools protocol while the page loads, which costs the tab's
 * cores what a user's tab never pays, so the timed loads run with no listener.
 */
async function firstLoad(browser: Browser, url: string, shown: string) {
  const paints: number[] = [];
  const marks = new Map<Mark, number[]>();
  let raw = 0;
  let gzip = 0;
  for (let i = 0; i <= 5; i++) {
    const counted = i === 0;
    const bodies: Promise<Buffer | null>[] = [];
    // Server mode's page arrives over its WebSocket (the `registered` frame): count it too.
    const frames: string[] = [];
    const load = await coldLoad(browser, url, shown, (page) => {
      if (!counted) return;
      page.on("response", (response) => {
        if (response.url().startsWith("http")) bodies.push(response.body().catch(() => null));
      });
      page.on("websocket", (ws) => ws.on("framereceived", (frame) => frames.push(String(frame.payload))));
    });
    if (!counted) {
      paints.push(load.paint);
      for (const [mark, at] of Object.entries(load.marks) as [Mark, number][]) marks.set(mark, [...(marks.get(mark) ?? []), at]);
    } else {
      await load.settled();
      for (const body of await Promise.all(bodies)) {
        if (!body) continue;
        raw += body.length;
        gzip += isCompressed(body) ? body.length : gzipSync(body, { level: 9 }).length;
      }
      const socket = Buffer.from(frames.join(""));
      raw += socket.length;
      if (socket.length > 0) gzip += gzipSync(socket, { level: 9 }).length; // as permessage-deflate would send it, roughly
    }
    await load.close();
  }
  const breakdown = [...marks].map(([mark, times]) => ({ mark, p50: summarize(times).p50 })).sort((a, b) => a.p50 - b.p50);
  return { raw, gzip, paint: summarize(paints), breakdown };
}

async function clickLatency(browser: Browser, url: string, click: NonNullable<App["click"]>) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page: Page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector(`[data-weft-key="${click.text}"]`);
  const samples = await page.evaluate(async ({ button, text, times }) => {
    const target = document.querySelector<HTMLButtonElement>(`[data-weft-key="${button}"]`)!;
    const out: number[] = [];
    for (let i = 0; i < times; i++) {
      const before = document.querySelector(`[data-weft-key="${text}"]`)!.textContent;
      const done = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector(`[data-weft-key="${text}"]`)!.textContent !== before) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const t0 = performance.now();
      target.click();
      out.push((await done) - t0);
    }
    return out;
  }, click);
  await context.close();
  return summarize(samples.slice(Math.floor(samples.length / 6)));
}

/** woff2 and images are compressed already; a host sends them as they are. */
function isCompressed(body: Buffer): boolean {
  const magic = body.subarray(0, 4).toString("latin1");
  return magic === "wOF2" || magic === "wOFF" || magic.startsWith("\x89PNG") || magic.startsWith("GIF");
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

// `node --import tsx bench/static.ts` runs this section alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
