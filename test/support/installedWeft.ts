import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { untilAppLine, type WeftProcess } from "./weftProcess.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

/**
 * The environment of a user's shell: this repository's `npm`/`npx` set NODE_OPTIONS (the
 * `@weft/source` condition of its .npmrc) and `npm_*` variables, which an installed weft must
 * never see, or it would resolve to sources the tarball does not have.
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name === "NODE_OPTIONS" || /^npm_/i.test(name) || name === "INIT_CWD") continue;
    env[name] = value;
  }
  return { ...env, FORCE_COLOR: "0", NO_COLOR: "1", ...extra };
}

export interface CommandResult {
  code: number;
  output: string;
}

/** Runs a command in `cwd` as a user would, and resolves with its exit code and output (never rejects on a non-zero exit). */
export async function inUserShell(cwd: string, command: string, args: string[], timeoutMs = 180_000): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env: userEnv(), timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number | string; stdout?: string; stderr?: string; message: string };
    return { code: typeof e.code === "number" ? e.code : 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` || e.message };
  }
}

/** Like `inUserShell`, but a non-zero exit is an error that shows the output. */
export async function mustRun(cwd: string, command: string, args: string[], timeoutMs?: number): Promise<string> {
  const result = await inUserShell(cwd, command, args, timeoutMs);
  if (result.code !== 0) throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited with ${result.code}:\n${result.output}`);
  return result.output;
}

export interface Tarballs {
  /** A temporary folder outside the checkout holding them. */
  dir: string;
  weft: string;
  createWeft: string;
  remove(): void;
}

/** `npm pack` of weft and create-weft, as a release would make them, into a temporary folder. */
export async function packTarballs(): Promise<Tarballs> {
  const dir = mkdtempSync(join(tmpdir(), "weft-pack-"));
  // The repository's own npm (its .npmrc): the pack builds from the workspace's sources.
  await run("npm", ["pack", "--workspace", "weft", "--workspace", "create-weft", "--pack-destination", dir], { cwd: root, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  const files = readdirSync(dir);
  const find = (prefix: RegExp) => {
    const file = files.find((f) => prefix.test(f));
    if (!file) throw new Error(`npm pack wrote no ${prefix} in ${dir}: ${files.join(", ")}`);
    return join(dir, file);
  };
  return { dir, weft: find(/^weft-\d/), createWeft: find(/^create-weft-\d/), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh project outside the checkout with the tarball installed, as the README says:
 * `npm init -y`, `"type": "module"`, `npm install ./weft-<version>.tgz` (dependencies from the
 * registry; the npm cache makes it quick), plus TypeScript for `tsc --noEmit`.
 */
export async function installedProject(tarballs: Tarballs, name = "project"): Promise<string> {
  const dir = join(tarballs.dir, name);
  mkdirSync(dir);
  await mustRun(dir, "npm", ["init", "-y"]);
  await mustRun(dir, "npm", ["pkg", "set", "type=module"]);
  await mustRun(dir, "npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarballs.weft, "typescript@~5.9.3", "@types/node@^20.19.0"], 300_000);
  return dir;
}

/** Starts `npx weft <command> <args> --port 0` in an installed project, resolving once it printed `App:`. */
export function startInstalledWeft(cwd: string, command: string, args: string[], timeoutMs = 60_000): Promise<WeftProcess> {
  return startUntilApp(cwd, "npx", ["weft", command, ...args, "--port", "0"], timeoutMs);
}

/**
 * Starts a command in a user's shell and resolves once it printed its `App:` line (and any other
 * `Name: url` lines before it). `env`: variables of the user's own on top (NODE_OPTIONS, say).
 */
export async function startUntilApp(cwd: string, command: string, args: string[], timeoutMs = 60_000, env: NodeJS.ProcessEnv = {}): Promise<WeftProcess> {
  // Its own process group: `npx` starts weft as its child and may exit before it, so stopping
  // signals the whole group and waits until every process in it is gone.
  const child: ChildProcess = spawn(command, args, { cwd, env: userEnv(env), stdio: ["ignore", "pipe", "pipe"], detached: true });
  const label = `${command} ${args.join(" ")}`;
  const { url, urls, output } = await untilAppLine(child, label, timeoutMs);
  return {
    url,
    urls,
    child,
    output,
    stop: () => stopGroup(child.pid!),
  };
}

/** SIGTERM to a process group, then resolves once none of its processes is left (SIGKILL after 15 s). */
async function stopGroup(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(-pid, "SIGTERM");
  const deadline = Date.now() + 15_000;
  while (alive()) {
    if (Date.now() > deadline) {
      process.kill(-pid, "SIGKILL");
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
