import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface HostProcess {
  /** The host's own URL, from its `Listening:` line. */
  url: string;
  output(): string;
  /** Resolves once the output matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGTERM, as a process manager stops it; resolves with its exit code. */
  stop(): Promise<number | null>;
  child: ChildProcess;
}

/** Starts a host server module (examples/mount/*.ts) with tsx on a free port; resolves at its `Listening:` line. */
export async function startHost(file: string, timeoutMs = 30_000): Promise<HostProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", file], {
    cwd: root,
    env: { ...process.env, PORT: "0", FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const check of [...waiters]) check();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const waitFor = (pattern: RegExp, ms = timeoutMs) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${file} did not print ${pattern} in time:\n${out}`));
      }, ms);
      const check = () => {
        if (!pattern.test(out)) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await Promise.race([waitFor(/^Listening: http:\/\/\S+$/m), exited.then((code) => Promise.reject(new Error(`${file} exited with ${code}:\n${out}`)))]);
  const url = /^Listening: (http:\/\/\S+)$/m.exec(out)![1]!;
  return {
    url,
    child,
    output: () => out,
    waitFor,
    stop: () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
