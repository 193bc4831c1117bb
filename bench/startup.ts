import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { launchBenchChromium } from "./chromium.ts";
import { installedProject, mustRun, packTarballs, startUntilApp } from "@weft/test/support/installedWeft.ts";
import type { WeftProcess } from "@weft/test/support/weftProcess.ts";

/**
 * Start-up and memory of `weft run` as a user gets it (issue 12): the packed weft installed into
 * a fresh project outside the checkout, side by side with the repository's own `npx weft run`
 * (the sources through tsx). Figures: command → `App:` line (median of RUNS), the CPU time the
 * weft process used to get there (steadier than the wall time on a loaded machine), and the
 * resident set of the weft process once it printed `App:` and then holding one session: a
 * Chromium tab that loaded the page and every file it asked for, and shows the app's first
 * control, so nothing loaded on first request escapes the figure. Goals: ≤ 0.5 s and ≤ 50 MiB
 * with one session for the installed package (Flet 0.86: 51 MiB).
 */
const RUNS = 5;
const root = fileURLToPath(new URL("..", import.meta.url));
const counter = readFileSync(new URL("../create-weft/template/app.ts", import.meta.url), "utf8");

interface Variant {
  name: string;
  cwd: string;
  command: string;
  args: string[];
  /** The pid whose memory counts: weft's own, not npx's. */
  direct: boolean;
  /** The packed weft, which the goals are for. */
  installed: boolean;
  env?: NodeJS.ProcessEnv;
}

export async function run(): Promise<void> {
  console.log("\n## Start-up and memory of weft run (installed package vs this repository; weft mounted in Express; the floor without weft)\n");
  console.log("  packing and installing weft…");
  const tarballs = await packTarballs();
  const browser = await launchBenchChromium();
  try {
    const project = await installedProject(tarballs, "bench");
    writeFileSync(`${project}/app.ts`, counter);
    // The same app mounted in Express, and the floor: Node, node:http and ws without weft.
    await mustRun(project, "npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "express@^5"]);
    for (const file of ["express.mjs", "floor.mjs"]) copyFileSync(new URL(`./startup/${file}`, import.meta.url), `${project}/${file}`);
    const node = (cwd: string, args: string[], installed: boolean) => ({ cwd, command: process.execPath, args: [...args, "--port", "0"], direct: true, installed });
    const installedNode = node(project, ["node_modules/weft/bin/weft.js", "run", "app.ts"], true);
    const variants: Variant[] = [
      { name: "installed: npx weft run", cwd: project, command: "npx", args: ["weft", "run", "app.ts", "--port", "0"], direct: false, installed: true },
      { name: "installed: node …/weft/bin/weft.js run", ...installedNode },
      // The repository's .npmrc sets the condition that resolves the workspaces to their sources.
      {
        name: "repository: node cli/bin/weft.js run (sources, tsx)",
        ...node(root, ["cli/bin/weft.js", "run", "examples/counter.ts"], false),
        env: { NODE_OPTIONS: "--conditions=@weft/source" },
      },
      { name: "installed: node express.mjs (createWeft in Express 5)", ...node(project, ["express.mjs"], false) },
      { name: "floor: node floor.mjs (node:http + ws, no weft)", ...node(project, ["floor.mjs"], false) },
    ];
    const rows: string[][] = [["command", "→ App: (median ms)", "min", "goal", "CPU to App: (median ms)", "RSS at App: (MiB)", "RSS, one session (MiB)", "goal"]];
    for (const variant of variants) {
      const times: number[] = [];
      const cpu: number[] = [];
      let idle = Number.NaN;
      let rss = Number.NaN;
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const app = await startUntilApp(variant.cwd, variant.command, variant.args, undefined, variant.env);
        times.push(performance.now() - started);
        if (variant.direct) cpu.push(cpuMs(app.child.pid!));
        if (i === RUNS - 1 && variant.direct) {
          idle = rssOf(app.child.pid!);
          rss = await rssWithOneSession(browser, app);
        }
        await app.stop();
      }
      times.sort((a, b) => a - b);
      cpu.sort((a, b) => a - b);
      const goal = (text: string) => (variant.installed ? text : "");
      rows.push([
        variant.name,
        String(Math.round(times[Math.floor(times.length / 2)]!)),
        String(Math.round(times[0]!)),
        goal("≤ 500"),
        cpu.length > 0 ? String(cpu[Math.floor(cpu.length / 2)]) : "–",
        mib(idle),
        mib(rss),
        goal(variant.direct ? "≤ 50" : ""),
      ]);
    }
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    for (const row of rows) console.log(`  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")}`);
    console.log(`  (Flet 0.86 holds 51 MiB with one session; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${availableParallelism()} cores)`);
  } finally {
    await browser.close();
    tarballs.remove();
  }
}

const mib = (bytes: number) => (Number.isNaN(bytes) ? "–" : (bytes / 1024 / 1024).toFixed(1));

/**
 * CPU time the process has used (user + system, every thread), in ms: what start-up costs
 * whatever else the machine is doing, where the wall time to `App:` grows with its load.
 */
function cpuMs(pid: number): number {
  // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks of 10 ms, after the `(comm)`.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * One session as a user opens it: a Chromium tab loads the page and whatever it references
 * (scripts, style sheets, fonts, lazily imported chunks), registers over the WebSocket and draws
 * the app's first control. Then the process's VmRSS, with the tab still open.
 */
async function rssWithOneSession(browser: Browser, app: WeftProcess): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.goto(app.url);
    await page.locator("[data-weft-type=Text]").first().waitFor();
    // Every request the page made has been answered (fonts load after the first paint).
    await page.waitForLoadState("networkidle");
    return rssOf(app.child.pid!);
  } finally {
    await page.close();
  }
}

/** The resident set of a process, in bytes (VmRSS of /proc/<pid>/status). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) * 1024;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
