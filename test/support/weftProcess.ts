import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

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
  let out = "";
  const urls: Record<string, string> = {};
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`weft ${command} did not print 'App:' in time:\n${out}`)), options.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      for (const match of out.matchAll(/^(\w+): (https?:\/\/\S+)$/gm)) urls[match[1]!] = match[2]!;
      if (urls.App) {
        clearTimeout(timer);
        resolve(urls.App);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`weft ${command} exited with ${code}:\n${out}`));
    });
  });
  const url = await ready;
  return {
    url,
    urls,
    child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
