import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page, Request, WebSocket } from "@playwright/test";
import { buildStatic } from "@weft/static";
import { freePort } from "./ports.ts";
import { startWeft, type WeftProcess } from "./weftProcess.ts";
import { stopChild } from "./stopChild.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface BuiltSite {
  /** The folder served as the host's root (the site is in it, under its base). */
  root: string;
  /** The site's own folder. */
  dir: string;
  base: string;
  remove(): void;
}

/** Builds `app` (a path from the repository root) with `weft build --static` into a fresh temp folder. */
export async function buildSite(app: string, options: { base?: string } = {}): Promise<BuiltSite> {
  const host = mkdtempSync(join(tmpdir(), "weft-site-"));
  const base = options.base ?? "/";
  const dir = join(host, ...base.split("/").filter(Boolean));
  mkdirSync(dir, { recursive: true });
  await buildStatic({ entry: resolve(root, app), outDir: dir, base, log: () => {} });
  return { root: host, dir, base, remove: () => rmSync(host, { recursive: true, force: true }) };
}

/** `weft preview <dir>`, as a user runs it; its `App:` line is the site's URL. */
export function previewSite(site: BuiltSite): Promise<WeftProcess> {
  return startWeft("preview", [site.dir]);
}

export interface PlainServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A static file server weft did not write, to prove "any static host": Python's
 * `http.server` serving the host's root, so a `--base /repo/` site is at `/repo/`.
 */
export async function pythonServer(site: BuiltSite): Promise<PlainServer> {
  const port = await freePort();
  const child: ChildProcess = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", site.root], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}${site.base}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`python3 -m http.server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`python3 -m http.server did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: () => stopChild(child),
  };
}

/** What a page asked the network for: WebSockets opened, requests to another origin. */
export interface NetworkLog {
  sockets: string[];
  foreign: string[];
  requests: string[];
}

export function watchNetwork(page: Page, origin: string): NetworkLog {
  const log: NetworkLog = { sockets: [], foreign: [], requests: [] };
  page.on("websocket", (ws: WebSocket) => log.sockets.push(ws.url()));
  page.on("request", (request: Request) => {
    const url = request.url();
    log.requests.push(url);
    if (!url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin) log.foreign.push(url);
  });
  return log;
}
