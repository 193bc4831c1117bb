import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AppMain } from "weft";
import { createWeftServer } from "weft/server";
import { buildStatic, startPreview } from "@weft/static";
import { launchBenchChromium } from "./chromium.ts";
import { coldLoad } from "./coldLoad.ts";

/**
 * A Chromium trace of cold loads of one app, printed as what the tab's main thread and the
 * app's worker did, in time from the navigation: each task of 1 ms or more with the script it
 * compiled or ran, and the network requests. What the static bench's breakdown (static.ts)
 * sums up as "entry runs → React ran", laid out task by task, so a change to the renderer's start
 * is measured rather than guessed.
 *
 *   node --import tsx bench/traceFirstPaint.ts [static|server] [examples/counter.ts] [--shown count] [--loads 3]
 *     [--min 1 (ms)] [--depth 4] [--save trace.json] [--renderer dist-folder (static)] [--summary]
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const [, value] = args.splice(at, 2);
  return value;
};
const loads = Number(option("--loads") ?? 3);
const save = option("--save");
const shown = option("--shown") ?? "count";
const renderer = option("--renderer");
const minDur = Number(option("--min") ?? 1);
const maxDepth = Number(option("--depth") ?? 4);
const summaryOnly = args.includes("--summary") && (args.splice(args.indexOf("--summary"), 1), true);
const mode = (args[0] ?? "static") as "static" | "server";
const app = args[1] ?? "examples/counter.ts";

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (µs): what contention for the cores does not stretch. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, any>;
}

/** Events whose CPU time the summary adds up (the outermost of each kind). */
const SUMMED = new Set(["v8.compile", "v8.compileModule", "v8.evaluateModule", "V8.CompileLazy", "v8.parseOnBackground", "ParseHTML", "HTMLDocumentParser::PumpTokenizer", "ParseAuthorStyleSheet", "UpdateLayoutTree", "Layout", "LocalFrameView::RunPaintLifecyclePhase", "FunctionCall", "v8.callFunction", "RunMicrotasks"]);

const scratch = mkdtempSync(join(tmpdir(), "weft-trace-"));
const browser = await launchBenchChromium(process.env.EXTRA_ARGS ? process.env.EXTRA_ARGS.split(" ") : []);
const closers: (() => Promise<void>)[] = [];
try {
  let url: string;
  if (mode === "static") {
    const built = await buildStatic({ entry: join(root, app), outDir: join(scratch, "site"), log: () => {}, ...(renderer ? { renderer } : {}) });
    const preview = await startPreview({ dir: built.outDir, port: 0 });
    closers.push(() => preview.close());
    url = preview.url;
  } else {
    const main = ((await import(join(root, app))) as { default: AppMain }).default;
    const server = await createWeftServer({ main, port: 0 });
    closers.push(() => server.close());
    url = server.url;
  }
  // One load first: the server's and the disk's caches warm, as in the bench (its load that counts bytes).
  for (let i = 0; i <= loads; i++) {
    const traced = i > 0;
    // Not settled first: the first traced load shows the new window's own start beside the app's.
    const load = await coldLoad(browser, url, shown, undefined, async (page) => {
      if (traced) await browser.startTracing(page, { categories: ["devtools.timeline", "v8", "v8.execute", "blink", "blink.user_timing", "toplevel", "loading", "disabled-by-default-devtools.timeline"] });
    }, { settle: false });
    const paintAt = load.paint;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const marks: Record<string, number> = { ...load.marks, "trace:paint": paintAt };
    if (traced) {
      const buffer = await browser.stopTracing();
      if (save) writeFileSync(save.replace(/(\.json)?$/, `-${i}.json`), buffer);
      console.log(`\n=== ${mode} load ${i}: first paint ${paintAt.toFixed(0)} ms; marks ${Object.entries(marks).map(([name, at]) => `${name} ${(at as number).toFixed(0)}`).join(", ")}`);
      print(JSON.parse(buffer.toString("utf8")).traceEvents as TraceEvent[], marks);
    }
    await load.close();
  }
} finally {
  for (const close of closers) await close();
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}

function print(events: TraceEvent[], marks: Record<string, number>): void {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === "M" && e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, e.args?.name);
  // Time zero: the tab's navigation start, from a mark whose performance time is known.
  const boot = events.find((e) => e.name === "weft:boot" && (e.ph === "R" || e.ph === "I" || e.ph === "b" || e.ph === "n" || e.ph === "e" || e.ph === "X"));
  if (!boot || marks["weft:boot"] === undefined) return console.log("no weft:boot mark in the trace");
  const zero = boot.ts - marks["weft:boot"]! * 1000;
  const at = (ts: number) => ((ts - zero) / 1000).toFixed(1).padStart(6);
  const pid = boot.pid;
  const interesting = new Set(["CrRendererMain", "DedicatedWorker thread"]);
  const keys = [...threads].filter(([key, name]) => key.startsWith(`${pid}:`) && interesting.has(name)).map(([key]) => key);
  const upTo = zero + ((marks["trace:paint"] ?? 400) + 30) * 1000;
  const paintTs = zero + (marks["trace:paint"] ?? 0) * 1000;
  for (const key of keys) {
    console.log(`-- ${threads.get(key)}`);
    const own = events.filter((e) => `${e.pid}:${e.tid}` === key && e.ph === "X" && e.ts >= zero - 5000 && e.ts <= upTo).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: TraceEvent[] = [];
    // CPU time until the paint, of the thread's tasks and of the outermost event of each kind.
    const cpu = new Map<string, number>();
    const add = (name: string, e: TraceEvent) => cpu.set(name, (cpu.get(name) ?? 0) + (e.tdur ?? 0) / 1000);
    for (const e of own) {
      while (stack.length > 0 && e.ts >= stack.at(-1)!.ts + (stack.at(-1)!.dur ?? 0)) stack.pop();
      const depth = stack.length;
      if (e.ts < paintTs && e.ts >= zero) {
        if (depth === 0) add("all tasks", e);
        if (!stack.some((outer) => outer.name === e.name) && SUMMED.has(e.name)) add(e.name, e);
      }
      stack.push(e);
      if (summaryOnly) continue;
      if ((e.dur ?? 0) < minDur * 1000 || depth > maxDepth) continue;
      if (e.name === "ThreadControllerImpl::RunTask" || e.name === "RunTask") {
        if (depth > 0) continue;
      }
      const detail = e.args?.data?.url ?? e.args?.data?.functionName ?? e.args?.fileName ?? e.args?.data?.frame ?? "";
      console.log(`${at(e.ts)} ${"  ".repeat(depth)}${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms${e.tdur !== undefined ? ` (cpu ${(e.tdur / 1000).toFixed(1)})` : ""} ${typeof detail === "string" ? detail.replace(/^.*\/_weft\//, "") : ""}`);
    }
    console.log(`   cpu until paint: ${[...cpu].map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(", ")} ms`);
  }
  if (summaryOnly) return;
  console.log("-- network");
  const urls = new Map<string, string>();
  for (const e of events) if (e.name === "ResourceSendRequest") urls.set(e.args?.data?.requestId, e.args?.data?.url);
  for (const e of events) {
    if (e.name !== "ResourceSendRequest" && e.name !== "ResourceFinish" && e.name !== "ResourceReceiveResponse") continue;
    if (e.ts > upTo) continue;
    const data = e.args?.data ?? {};
    console.log(`${at(e.ts)} ${e.name} ${(data.url ?? urls.get(data.requestId) ?? data.requestId ?? "").replace(/^.*\/_weft\//, "")}`);
  }
}
