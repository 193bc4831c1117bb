import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AppMain } from "weft";
import { createStaticHandler, createWeft, rendererDir } from "weft/server";
import { buildStatic, startPreview } from "@weft/static";
import { launchBenchChromium } from "./chromium.ts";
import { coldLoad, MARKS, type Mark } from "./coldLoad.ts";
import { cpuSince, readTreeCpu } from "./processCpu.ts";
import { summarize, table } from "./stats.ts";

/**
 * Renderer builds side by side (saved ones against the current): interleaved cold loads of one app (first paint and its
 * breakdown, as bench/static.ts measures them), in static and server mode, each build served
 * the same way from the same process and browser. On a shared machine whose load moves by the
 * minute, only loads interleaved in one run compare; a change to the renderer's start is kept
 * when it wins here.
 *
 *   node --import tsx bench/firstPaintAB.ts --save /tmp/before       # keep the current build as "before"
 *   node --import tsx bench/firstPaintAB.ts --before /tmp/before[,/tmp/other…] [--loads 15] [--app examples/counter.ts --shown count] [--modes static,server]
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
};

const saveTo = option("--save");
if (saveTo) {
  rmSync(saveTo, { recursive: true, force: true });
  cpSync(rendererDir(), resolve(saveTo), { recursive: true });
  console.log(`saved the renderer's build (${rendererDir()}) as ${resolve(saveTo)}`);
  process.exit(0);
}
const before = option("--before");
const others = (before ?? "").split(",").filter(Boolean);
if (others.length === 0 || others.some((dir) => !existsSync(join(dir, "index.html")))) {
  console.error("usage: firstPaintAB.ts --before <renderer builds saved with --save, comma-separated> [--loads 15] [--app file --shown key] [--modes static,server]");
  process.exit(2);
}
const loads = Number(option("--loads") ?? 15);
const app = option("--app") ?? "examples/counter.ts";
const shown = option("--shown") ?? "count";
const modes = (option("--modes") ?? "static,server").split(",");

// Each build by its folder's name; "after" is the current one (@weft/renderer's).
const builds: Record<string, string> = Object.fromEntries([...others.map((dir) => [basename(resolve(dir)), resolve(dir)]), ["after", rendererDir()]]);
const scratch = mkdtempSync(join(tmpdir(), "weft-ab-"));
const browser = await launchBenchChromium(process.env.EXTRA_ARGS ? process.env.EXTRA_ARGS.split(" ") : []);
const closers: (() => Promise<void>)[] = [];
try {
  const main = ((await import(join(root, app))) as { default: AppMain }).default;
  const targets: { mode: string; build: string; url: string }[] = [];
  for (const [build, renderer] of Object.entries(builds)) {
    if (modes.includes("static")) {
      const site = await buildStatic({ entry: join(root, app), outDir: join(scratch, build), renderer, log: () => {} });
      const preview = await startPreview({ dir: site.outDir, port: 0 });
      closers.push(() => preview.close());
      targets.push({ mode: "static", build, url: preview.url });
    }
    if (modes.includes("server")) {
      // The app's server with this build's renderer files: createWeft serves @weft/renderer's, so
      // the other build's come first, through its routes.
      const files = createStaticHandler({ dir: renderer, spaFallback: true, immutable: (path) => path.startsWith("/_weft/") });
      const weft = createWeft(main, renderer === rendererDir() ? {} : { routes: (req, res, target) => target.path !== "/ws" && (void files(req, res, target), true) });
      const http = createServer((req, res) => weft.handler(req, res));
      weft.attach(http);
      await new Promise<void>((done) => http.listen(0, "127.0.0.1", done));
      closers.push(async () => {
        await weft.close();
        await new Promise((done) => http.close(done));
      });
      targets.push({ mode: "server", build, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/` });
    }
  }
  interface Samples {
    paint: number[];
    browserCpu: number[];
    mainCpu: number[];
    benchCpu: number[];
    marks: Map<Mark, number[]>;
  }
  const samples = new Map<string, Samples>();
  // One load of each first (the servers' file caches), then the timed ones, interleaved.
  for (const target of targets) await (await coldLoad(browser, target.url, shown)).close();
  for (let i = 0; i < loads; i++) {
    for (const target of i % 2 === 0 ? targets : [...targets].reverse()) {
      let cpuBefore = new Map<string, number>();
      const load = await coldLoad(browser, target.url, shown, undefined, () => {
        cpuBefore = readTreeCpu();
      });
      const cpu = cpuSince(cpuBefore);
      await load.close();
      const key = `${target.mode} ${target.build}`;
      const entry: Samples = samples.get(key) ?? { paint: [], browserCpu: [], mainCpu: [], benchCpu: [], marks: new Map() };
      samples.set(key, entry);
      entry.paint.push(load.paint);
      entry.browserCpu.push(cpu.all - cpu.own);
      entry.benchCpu.push(cpu.own);
      entry.mainCpu.push(cpu.tabMain);
      for (const [mark, at] of Object.entries(load.marks) as [Mark, number][]) entry.marks.set(mark, [...(entry.marks.get(mark) ?? []), at]);
    }
  }
  console.log(`\n${app}: first paint, ${loads} interleaved cold loads per build (${Object.entries(builds).map(([name, dir]) => `${name}: ${dir}`).join(", ")})`);
  const rows = [["mode", "build", "p25", "p50", "p75", "browser CPU", "tab main", "bench CPU", "breakdown p50 (ms from navigation)"]];
  for (const [key, { paint, browserCpu, mainCpu, benchCpu, marks }] of samples) {
    const sorted = [...paint].sort((a, b) => a - b);
    const q = (f: number) => sorted[Math.floor(f * (sorted.length - 1))]!.toFixed(0);
    const steps = [...marks].map(([mark, times]) => ({ mark, p50: summarize(times).p50 })).sort((a, b) => a.p50 - b.p50);
    rows.push([...key.split(" "), q(0.25), q(0.5), q(0.75), summarize(browserCpu).p50.toFixed(0), summarize(mainCpu).p50.toFixed(0), summarize(benchCpu).p50.toFixed(0), steps.map((step) => `${MARKS[step.mark]} ${step.p50.toFixed(0)}`).join(" → ")]);
  }
  table(rows);
  console.log("  (first paint: wall time from the navigation; CPU: ms on a core from the navigation to the paint, of the browser's processes, of the tab's main thread and of this process, which runs the servers and drives the browser)");
  console.log(`  (load average ${loadavg().map((load) => load.toFixed(1)).join(" ")} on ${cpus().length} cores)`);
} finally {
  for (const close of closers) await close();
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
