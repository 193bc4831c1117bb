import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { stopChild } from "./stopChild.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface WeftProcess {
  /** The `App:` URL the command printed. */
  url: string;
  /** Other `Name: url` lines it printed (`Inspector`…). */
  urls: Record<string, string>;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
  child: ChildProcess;
}

/**
 * Starts `weft <command> <args>` as a user would (`npx weft` resolves to cli/bin/weft.js) on a
 * free port, and resolves once it printed its `App:` line.
 */
export async function startWeft(command: string, args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<WeftProcess> {
  const child = spawn(process.execPath, [`${root}/cli/bin/weft.js`, command, ...args, "--port", "0"], {
    cwd: root,
    env: { ...process.env, ...options.env, FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { url, urls, output } = await untilAppLine(child, `weft ${command}`, options.timeoutMs ?? 30_000);
  return {
    url,
    urls,
    child,
    output,
    stop: () => stopChild(child),
  };
}

/**
 * Reads a started weft's output until its `App:` line (and any `Name: url` lines before it).
 * Rejects with everything it printed when it exits first or takes longer than `timeoutMs`.
 */
export function untilAppLine(child: ChildProcess, label: string, timeoutMs: number): Promise<{ url: string; urls: Record<string, string>; output: () => string }> {
  let out = "";
  const urls: Record<string, string> = {};
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not print 'App:' in time:\n${out}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      for (const match of out.matchAll(/^(\w+): (https?:\/\/\S+)$/gm)) urls[match[1]!] = match[2]!;
      if (urls.App) {
        clearTimeout(timer);
        resolve({ url: urls.App, urls, output: () => out });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited with ${code}:\n${out}`));
    });
  });
}
