import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DevServerInfo } from "@weft/protocol/channel";

/**
 * `<workspace>/.weft/`: how tools that were not started by `weft dev` (the VS Code extension)
 * find the running devservers, and what a devserver keeps across its restarts.
 *
 * - `devserver-<pid>.json`, one per running devserver (two `weft dev` in one workspace must not
 *   overwrite each other's, nor remove it when one stops): URL and token. Removed when its
 *   devserver stops; a file whose process is gone (killed) is removed by the next devserver and
 *   ignored by the tools.
 * - `token`: the channel's token, made once per workspace and kept, so an inspector page or the
 *   extension left open across a restart of `weft dev` reconnects by itself.
 *
 * Both hold the token: readable by the user only (mode 600).
 */
export type { DevServerInfo };

const TOKEN_FILE = "token";
const INFO_FILE = /^devserver-(\d+)\.json$/;

/** The workspace of an app: the nearest folder above it with a .git, a .vscode, or a package.json. */
export function findWorkspace(from: string): string {
  let firstPackage: string | null = null;
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git")) || existsSync(join(dir, ".vscode"))) return dir;
    if (!firstPackage && existsSync(join(dir, "package.json"))) firstPackage = dir;
    if (dirname(dir) === dir) return firstPackage ?? from;
  }
}

/** Where a devserver's file goes: `.weft/devserver-<pid>.json`. */
export function devServerInfoPath(workspace: string, pid: number): string {
  return join(workspace, ".weft", `devserver-${pid}.json`);
}

export function writeDevServerInfo(workspace: string, info: DevServerInfo): string {
  const dir = join(workspace, ".weft");
  mkdirSync(dir, { recursive: true });
  removeStaleInfo(dir);
  const file = devServerInfoPath(workspace, info.pid);
  writeFileSync(file, JSON.stringify(info, null, 2) + "\n", { mode: 0o600 });
  return file;
}

/**
 * Tells the workspace's tools (the VS Code extension, `weft inspect`) where this devserver's app
 * and channel are: writes `.weft/devserver-<pid>.json`. Returns the undo, for the teardown.
 */
export function announceDevServer(
  workspace: string,
  run: { app: string; channel: { inspectorUrl: string; channelUrl: string; token: string }; entry: string; startedAt: number },
): () => void {
  const file = writeDevServerInfo(workspace, {
    version: 1,
    pid: process.pid,
    app: run.app,
    inspector: run.channel.inspectorUrl,
    channel: run.channel.channelUrl,
    token: run.channel.token,
    entry: run.entry,
    startedAt: run.startedAt,
  });
  return () => removeDevServerInfo(file, process.pid);
}

export function removeDevServerInfo(file: string, pid: number): void {
  try {
    const current = JSON.parse(readFileSync(file, "utf8")) as { pid?: number };
    if (current.pid === pid) rmSync(file, { force: true });
  } catch {
    // gone already, or not ours to remove
  }
}

/**
 * The channel token of a devserver of `workspace`, the same for `weft dev` and
 * `weft dev --static`: the one kept in `.weft/token` (mode 600), or a new one written there, so an
 * inspector or the VS Code extension left open across a restart reconnects by itself. When it
 * cannot be kept (a read-only workspace), `warn` hears why: open inspectors then need the new URL
 * after each restart.
 */
export function devServerToken(workspace: string, warn?: (message: string) => void): string {
  const dir = join(workspace, ".weft");
  const file = join(dir, TOKEN_FILE);
  try {
    const saved = readFileSync(file, "utf8").trim();
    if (/^[\w-]{20,200}$/.test(saved)) {
      chmodSync(file, 0o600); // whatever a copy or an editor left it at
      return saved;
    }
  } catch {
    // none yet
  }
  const token = randomBytes(24).toString("base64url");
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, token + "\n", { mode: 0o600 });
    chmodSync(file, 0o600);
  } catch (err) {
    warn?.(`weft: could not keep the inspector's token in ${dir} (${(err as Error).message}); open inspectors need the new URL after each restart`);
  }
  return token;
}

/** Files of devservers whose process is gone (a `kill -9`, a crash): nothing will remove them otherwise. */
function removeStaleInfo(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(INFO_FILE.exec(name)?.[1]);
    if (!pid || isAlive(pid)) continue;
    rmSync(join(dir, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
