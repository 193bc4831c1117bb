import { UsageError } from "./args.ts";

export const usage = `Usage:
  weft run <app.ts> [--view web|browser|desktop] [--port N] [--host H] [--allowed-hosts A,B] [--assets DIR] [--resume-window SECONDS] [--expose-errors] [--record DIR [--record-gzip]] [--no-compression]
           [--redis URL [--redis-channel NAME]] [--metrics] [--drain-timeout SECONDS]
  weft dev <app.ts|server.ts> [--view web|browser|desktop] [--port N] [--host H] [--allowed-hosts A,B] [--assets DIR] [--inspector-port N] [--inspector-host H] [--resume-window SECONDS] [--record DIR [--record-gzip]] [--no-compression]
  weft dev <app.ts> --static [--port N] [--host H] [--inspector-port N] [--inspector-host H]
  weft replay <recording|dir>... [--app <app.ts>] [--keep-going] [--emit-test [--out <file>]]
  weft inspect <recording>... [--step N] [--port N]   open recordings in the inspector, with no app
  weft build <app.ts> --static --out <dir> [--base /path/] [--name NAME]
  weft preview <dir> [--port N] [--host H]

  --view web       serve the app and print its URL (the default)
  --view browser   also open it in the default browser
  --view desktop   show it in its own window: an installed Chrome, Chromium or Edge in app
                   mode (CHROME_PATH picks one); closing the window ends the app.
                   WEFT_BROWSER_FLAGS adds flags for that browser (e.g. --disable-gpu)
  --redis URL      page.pubsub crosses every process of the app through Redis (docs/scaling.md)
  --metrics        serve /metrics (Prometheus) to this machine; WEFT_METRICS_TOKEN lets others in
  SIGTERM          drains: /healthz says 503, tabs reconnect elsewhere, every onClose runs, exit 0
                   within --drain-timeout (default 10 s)`;

/** A subcommand: parses its own arguments, resolves with the exit code. */
export type Command = (argv: string[]) => Promise<number>;

/** Each command lives in its own module, loaded only when used (`weft run` never loads Vite). */
const commands: Record<string, () => Promise<{ command: Command }>> = {
  run: () => import("./run.ts"),
  dev: () => import("./dev.ts"),
  replay: () => import("./replay.ts"),
  inspect: () => import("./inspect.ts"),
  build: () => import("./build.ts"),
  preview: () => import("./preview.ts"),
};

/** Runs the weft command; resolves with the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    console.log(usage);
    return name === undefined ? 2 : 0;
  }
  try {
    const load = commands[name];
    if (!load) throw new UsageError(`unknown command '${name}'`, true);
    const { command } = await load();
    return await command(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`weft: ${err.message}${err.showUsage ? `\n\n${usage}` : ""}`);
      return 2;
    }
    throw err;
  }
}
