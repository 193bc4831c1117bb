import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, untilPortAnswers } from "./ports.ts";

/** Debian's redis-server (`apt-get install redis-server`; `.ci/run` installs it). */
export const redisServerPath = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find((path) => existsSync(path)) ?? null;

/** Why the Redis tests cannot run here, or null when they can. */
export function redisMissing(): string | null {
  return redisServerPath ? null : "redis-server is not installed (apt-get install redis-server; .ci/run installs it)";
}

export interface RedisServer {
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /** Whether it was started and not stopped since. */
  readonly running: boolean;
  /** Stops it (SIGTERM, then waits for the exit); the port is kept for `start()`. */
  stop(): Promise<void>;
  /** Starts it again on the same port (after `stop()`). */
  start(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open, nothing is answered. */
  pause(): void;
  /** Lets a paused server go on (SIGCONT). */
  resume(): void;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

/**
 * A real redis-server for a test or a benchmark: on a free loopback port, in a folder of its
 * own, saving nothing (`--save ''`, `--appendonly no`), so it leaves nothing behind.
 */
export async function startRedis(): Promise<RedisServer> {
  const path = redisServerPath;
  if (!path) throw new Error(redisMissing()!);
  const dir = mkdtempSync(join(tmpdir(), "weft-redis-"));
  const port = await freePort();
  let child: ChildProcess | null = null;
  let log = "";

  const start = async () => {
    log = "";
    child = spawn(path, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--protected-mode", "yes"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise<never>((_, reject) => child!.once("exit", (code) => reject(new Error(`redis-server exited with ${code}:\n${log}`))));
    await Promise.race([untilPortAnswers(port, 10_000), exited]);
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return resolve();
      running.once("exit", () => resolve());
      running.kill("SIGCONT"); // a paused server would not see the SIGTERM
      running.kill("SIGTERM");
    });

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get running() {
      return child !== null;
    },
    stop,
    start,
    pause: () => void child?.kill("SIGSTOP"),
    resume: () => void child?.kill("SIGCONT"),
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
