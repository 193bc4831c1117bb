import { holdYoungGeneration } from "./youngGeneration.ts";

/** A subcommand: parses its own arguments, resolves with the exit code. */
export type Command = (argv: string[]) => Promise<number>;

export interface CommandInfo {
  /** The synopsis line(s): `weft run <app.ts> [--port N] …`. */
  synopsis: string[];
  /** One sentence for the list of commands. */
  summary: string;
  /** `weft help <name>`: the flags and what they do, under the synopsis. */
  details?: string;
  /** The command's module, loaded only when it runs (`weft run` never loads Vite). */
  load(): Promise<{ command: Command }>;
}

const viewFlags = `  --view web       serve the app and print its URL (the default)
  --view browser   also open it in the default browser
  --view desktop   show it in its own window: an installed Chrome, Chromium or Edge in app
                   mode (CHROME_PATH picks one); closing the window ends the app.
                   WEFT_BROWSER_FLAGS adds flags for that browser (e.g. --disable-gpu)`;

const serveFlags = `  --port N               the app's port (default 8550; 0 picks a free one)
  --host H               the address to listen on (default 127.0.0.1)
  --allowed-hosts A,B    host names besides this machine's that may reach the app
  --record DIR           write each session to DIR as a recording (--record-gzip: gzipped)
  --assets DIR           the app's own files, served at its root (default: assets/ beside the app)
  --no-compression       no permessage-deflate on the app's socket`;

/** Every command, in the order `weft help` lists them. A command is here only once it exists. */
export const commands: Record<string, CommandInfo> = {
  run: {
    synopsis: [
      "weft run <app.ts> [--view web|browser|desktop] [--port N] [--host H] [--allowed-hosts A,B] [--assets DIR] [--resume-window SECONDS] [--expose-errors] [--record DIR [--record-gzip]] [--no-compression]",
      "         [--redis URL [--redis-channel NAME]] [--metrics] [--drain-timeout SECONDS]",
    ],
    summary: "serve an app (prints App: <url>)",
    details: `${serveFlags}
  --resume-window S      how long a closed tab's session waits for the tab to come back
  --expose-errors        show the app's error messages to its users (not only a reference)
  --redis URL            page.pubsub crosses every process of the app through Redis (docs/scaling.md);
                         --redis-channel NAME: the Redis channel (default weft:pubsub)
  --metrics              serve /metrics (Prometheus) to this machine; WEFT_METRICS_TOKEN lets others in
  --drain-timeout S      SIGTERM drains: /healthz says 503, tabs reconnect elsewhere, every onClose
                         runs, exit 0 within S seconds (default 10)

${viewFlags}`,
    load: () => {
      holdYoungGeneration(); // before the runtime's modules load (youngGeneration.ts)
      return import("./run.ts");
    },
  },
  dev: {
    synopsis: [
      "weft dev <app.ts|server.ts> [--view web|browser|desktop] [--port N] [--host H] [--allowed-hosts A,B] [--assets DIR] [--inspector-port N] [--inspector-host H] [--resume-window SECONDS] [--record DIR [--record-gzip]] [--no-compression]",
      "weft dev <app.ts> --static [--port N] [--host H] [--inspector-port N] [--inspector-host H]",
    ],
    summary: "serve an app under the dev server: every save is swapped into the open tabs, which keep their state; prints Inspector: and App: URLs",
    details: `${serveFlags}
  --inspector-port N     the inspector's port (default: the app's + 1)
  --inspector-host H     the inspector's address (default 127.0.0.1)
  --resume-window S      how long a closed tab's session waits for the tab to come back
  server.ts              a server module that mounts apps with createWeft() (docs/mounting.md):
                         each app's saves swap into its sessions, the server's own restart its handlers
  --static               run the app in the tab's Web Worker, as weft build --static ships it
                         (--view, --allowed-hosts, --record and --no-compression do not apply)

${viewFlags}`,
    load: () => import("./dev.ts"),
  },
  replay: {
    synopsis: ["weft replay <recording|dir>... [--app <app.ts>] [--keep-going] [--emit-test [--out <file>]]"],
    summary: "replay recorded sessions headlessly against their app (exit 0 as recorded, 1 with differences, 2 on a bad file)",
    details: `  --app <app.ts>   the app to replay against (default: the one the recording's header names,
                   relative to the recording's folder)
  --keep-going     replay every step, not only up to the first that differs
  --emit-test      write the recording as a Vitest test (--out <file>: where)`,
    load: () => import("./replay.ts"),
  },
  inspect: {
    synopsis: ["weft inspect <recording>... [--step N] [--port N] [--host H]"],
    summary: "open recordings in the inspector, with no app: each one's tree at every step, its messages and causal chains",
    details: `  --step N   open the (first) recording at step N, as a replay's difference names it
  --port N   the inspector's port (0 picks a free one)
  --host H   the address to listen on (default 127.0.0.1)`,
    load: () => import("./inspect.ts"),
  },
  build: {
    synopsis: ["weft build <app.ts> --static --out <dir> [--base /path/] [--name NAME]"],
    summary: "write a static site that runs the app in the browser (a Web Worker, a service worker, a web app manifest)",
    details: `  --static         the only kind of build for now: the app runs in the browser, no server
  --out <dir>      the folder to write the site to
  --base /path/    the path the site is served under (default /)
  --name NAME      the app's name in its web app manifest`,
    load: () => import("./build.ts"),
  },
  preview: {
    synopsis: ["weft preview <dir> [--port N] [--host H]"],
    summary: "serve a static build as a static host would (prints App: <url>)",
    details: `  --port N   the port (default 4173; 0 picks a free one)
  --host H   the address to listen on (default 127.0.0.1)`,
    load: () => import("./preview.ts"),
  },
  create: {
    synopsis: ["weft create <dir> [--force] [--name NAME]"],
    summary: "start a new project in <dir>: an app, its test with weft/testing, a tsconfig, scripts dev, start, test, build (as npm create weft@latest)",
    load: () => import("./create.ts"),
  },
};
