import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Forks a bench server script (TypeScript, through tsx) with an IPC channel. The child gets the
 * parent's `--conditions` flags, so it resolves weft's packages to their sources as the parent
 * does whether the bench runs through `npm run bench` (.npmrc's node-options) or as
 * `node --conditions=@weft/source --import tsx bench/X.ts`.
 */
export function forkBenchServer(script: URL, args: string[] = [], options: { exposeGc?: boolean } = {}): ChildProcess {
  return fork(fileURLToPath(script), args, {
    execArgv: [...conditionFlags(process.execArgv), "--import", "tsx", ...(options.exposeGc ? ["--expose-gc"] : [])],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

function conditionFlags(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("--conditions=")) out.push(arg);
    else if ((arg === "--conditions" || arg === "-C") && i + 1 < argv.length) out.push(arg, argv[++i]!);
  }
  return out;
}

/** The child's next IPC message; rejects if it exits first (a server that failed to start says so instead of hanging the bench). */
export function nextMessage<T>(child: ChildProcess, name = "a benchmark server"): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => reject(new Error(`${name} exited with ${signal ?? code} before answering`));
    child.once("exit", onExit);
    child.once("message", (message) => {
      child.off("exit", onExit);
      resolve(message as T);
    });
  });
}
