import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type CDPSession, type Page } from "playwright-core";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * How long an X tool may take. They are run synchronously, so one that hangs (`xwininfo -id`
 * with a bad id waited forever in a clean-clone run) would block the test worker, and with it
 * Playwright's own timeout: killed after this, it fails the test instead.
 */
const X_TOOL_TIMEOUT_MS = 10_000;

/** The X server's view of a window: `xwininfo`'s absolute position and size. */
export interface XGeometry {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The id of the window with this title, or null. A window that goes away while `xwininfo` walks
 * the tree (a browser's splash or a closing tab) makes it fail with "Bad Window": that is "not
 * there yet" for the caller, who polls.
 */
export function xWindowByName(display: string, name: string): string | null {
  let out: string;
  try {
    out = execFileSync("xwininfo", ["-root", "-tree"], { env: { ...process.env, DISPLAY: display }, stdio: ["ignore", "pipe", "pipe"], timeout: X_TOOL_TIMEOUT_MS }).toString();
  } catch (err) {
    if (/Bad (Window|Drawable)|Can't query window tree/.test(String((err as { stderr?: Buffer }).stderr ?? err))) return null;
    throw err;
  }
  const line = out.split("\n").find((l) => l.includes(`"${name}"`) && !l.includes("has no name"));
  return line ? line.trim().split(/\s+/)[0]! : null;
}

export function xGeometry(display: string, id: string): XGeometry {
  if (!/^0x[0-9a-f]+$/i.test(id)) throw new Error(`xGeometry: ${JSON.stringify(id)} is not an X window id`);
  const out = execFileSync("xwininfo", ["-id", id], { env: { ...process.env, DISPLAY: display }, timeout: X_TOOL_TIMEOUT_MS }).toString();
  const read = (label: string) => Number(new RegExp(`${label}:\\s+(-?\\d+)`).exec(out)![1]);
  return { left: read("Absolute upper-left X"), top: read("Absolute upper-left Y"), width: read("Width"), height: read("Height") };
}

/** Runs xdotool against the display (real X input, as a user's mouse and keyboard). */
export function xdotool(display: string, ...args: string[]): void {
  execFileSync("xdotool", args, { env: { ...process.env, DISPLAY: display }, stdio: "ignore", timeout: X_TOOL_TIMEOUT_MS });
}

export interface DesktopProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Waits until the output matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

/** `node <args>` from the repository root, its output collected. */
export function startProcess(args: string[], env: NodeJS.ProcessEnv): DesktopProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env, FORCE_COLOR: "0" }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of [...waiters]) w();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => {
    resolve(code);
    for (const w of [...waiters]) w();
  }));
  return {
    child,
    output: () => out,
    exited,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${pattern} in the output in time:\n${out}`));
        }, timeoutMs);
        const check = () => {
          const match = pattern.exec(out);
          if (match) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(match);
          } else if (child.exitCode !== null) {
            clearTimeout(timer);
            waiters.delete(check);
            reject(new Error(`the process exited (${child.exitCode}) before printing ${pattern}:\n${out}`));
          }
        };
        waiters.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * The DevTools side of the window weft opened: weft drives it over a private pipe; the test
 * asks for a debugging port too (`WEFT_BROWSER_FLAGS=--remote-debugging-port=0`), which the
 * browser writes into the profile folder, under the test's own XDG_CACHE_HOME.
 */
export async function connectToWindow(cacheHome: string, timeoutMs = 20_000): Promise<{ browser: Browser; page: Page; cdp: CDPSession }> {
  const deadline = Date.now() + timeoutMs;
  const desktop = join(cacheHome, "weft", "desktop");
  let port: number | undefined;
  while (Date.now() < deadline && port === undefined) {
    for (const dir of existsSync(desktop) ? readdirSync(desktop) : []) {
      const file = join(desktop, dir, "DevToolsActivePort");
      if (existsSync(file)) port = Number(readFileSync(file, "utf8").split("\n")[0]);
    }
    if (port === undefined) await new Promise((r) => setTimeout(r, 50));
  }
  if (!port) throw new Error(`the window's browser wrote no DevToolsActivePort under ${desktop}`);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  let page: Page | undefined;
  while (Date.now() < deadline && !page) {
    page = browser.contexts()[0]?.pages().find((p) => !p.url().includes("weft-window="));
    if (!page) await new Promise((r) => setTimeout(r, 50));
  }
  if (!page) throw new Error("the window shows no app page");
  return { browser, page, cdp: await browser.newBrowserCDPSession() };
}

/** The window's bounds as the browser reports them (`Browser.getWindowBounds`). */
export async function cdpBounds(cdp: CDPSession): Promise<{ left?: number; top?: number; width?: number; height?: number; windowState?: string }> {
  const { targetInfos } = await cdp.send("Target.getTargets");
  const target = targetInfos.find((t) => t.type === "page")!;
  const { windowId } = await cdp.send("Browser.getWindowForTarget", { targetId: target.targetId });
  return (await cdp.send("Browser.getWindowBounds", { windowId })).bounds;
}
