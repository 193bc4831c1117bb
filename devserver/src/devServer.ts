import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import * as runtime from "weft";
import type { AppMain } from "weft";
import { createWeftServer, handleProcessErrors, type AccessGate, type WeftServer } from "weft/server";
import { attachAgent, type Agent } from "@weft/agent";
import { CHANNEL_VERSION, type BuildErrorMessage, type ErrorInfo, type StatsResult } from "@weft/protocol/channel";
import { SwapBuildError, SwapEngine, SwapRegistry, summarizeReport, type SwapReport } from "weft/swap";
import { AppRunner } from "./appRunner.ts";
import { describeBuildError, formatBuildError, placeOf } from "./buildError.ts";
import { ChangeQueue } from "./changeQueue.ts";
import { startChannelServer, type ChannelServer } from "./channelServer.ts";
import { Hub } from "./hub.ts";
import { tapOutput, type OutputTap } from "./outputTap.ts";
import { createOverlay, type Overlay } from "./overlay.ts";
import type { ModuleFacts } from "./transform.ts";
import { createTeardown, processStats } from "./teardown.ts";
import { findWorkspace, announceDevServer, devServerToken } from "./workspaceFile.ts";
import { trackHostGenerations } from "./hostGeneration.ts";
import { MountedApps } from "./mountedApps.ts";

// weft/server (imported above) installed it: the runtime's one hook, shared with the app.
const hook = globalThis.__WEFT_HOOK__!;

export interface DevServerOptions {
  /**
   * The app's entry module: an app (its default export is `main`), or a server module that
   * mounts apps with `createWeft()` (docs/mounting.md).
   */
  entry: string;
  /** The app's port; default 8550, 0 picks a free one. A server module gets it as `process.env.PORT`. */
  port?: number;
  /** The app's host; default 127.0.0.1. A server module gets it as `process.env.HOST`. */
  host?: string;
  /** The app's own files, served at its root (`--assets`); for an app module only (a server module passes its own to createWeft). */
  assetsDir?: string;
  /** The inspector's and channel's port; default the app's port + 1 (a free one if taken, or if the app's is 0). */
  inspectorPort?: number;
  /** Default 127.0.0.1, whatever the app's host. */
  inspectorHost?: string;
  /** Host names besides this machine's that may reach the app and the inspector (`--allowed-hosts`). */
  allowedHosts?: readonly string[] | true;
  /**
   * Take over the process's unhandledRejection / uncaughtException (as `weft dev` does): app
   * failures go to their session, the process keeps serving. Default false (a library's caller
   * owns its process).
   */
  handleProcessErrors?: boolean;
  /**
   * Where `.weft/` goes (`devserver-<pid>.json` for the tools, the kept channel `token`); default
   * the app's workspace (nearest .git/.vscode/package.json).
   */
  workspace?: string;
  /** How long a session whose tab went away is kept for it to come back (`--resume-window`). Default: the runtime's (an hour). */
  resumeWindowMs?: number;
  /** Wait this long for more changes before swapping. Default 3 ms. */
  quietMs?: number;
  /** Print the URL lines and swap lines. Default true. */
  print?: boolean;
  /** Run the app's modules twice at startup so the first save (of the entry or a dependency) is as quick as the rest. Default true. */
  warmUp?: boolean;
  /**
   * Record where each control is created, for "reveal in editor" (one stack capture per
   * construction, also during swaps). Default true.
   */
  sourceLocations?: boolean;
  /** permessage-deflate on the app's socket and on the devtools channel. Default true (runtime/src/server/compression.ts). */
  compression?: boolean;
  /** Who else may load the app and open its socket (a desktop window's gate, `--view desktop`). */
  gate?: AccessGate;
}

/** What happened to one save, for tests and the benchmark. */
export type DevEvent =
  | { type: "swap"; report: SwapReport; files: string[]; changedAt: number }
  | { type: "build-error"; error: ErrorInfo; files: string[]; changedAt: number };

export interface DevServer {
  /** The app's URL; under a server module, the first mounted app's. */
  readonly appUrl: string;
  /** Every app's URL: one for an app module, one per mounted app under a server module. */
  readonly appUrls: string[];
  readonly inspectorUrl: string;
  readonly channelUrl: string;
  readonly token: string;
  /** The app's server (an app module); undefined under a server module, which runs its own. */
  readonly app: WeftServer | undefined;
  readonly engine: SwapEngine;
  /** Called after each save is taken or refused. Returns the unsubscribe. */
  onEvent(listener: (event: DevEvent) => void): () => void;
  /** Resolves once no change is waiting or being swapped. */
  idle(): Promise<void>;
  /** Whether `file` as it is on disk now is what the app runs (its last save was taken or refused). */
  isCurrent(file: string): boolean;
  /** Stops everything; resolves once every socket and port is closed. */
  close(): Promise<void>;
}

declare global {
  // eslint-disable-next-line no-var
  var __WEFT_SWAP__: SwapEngine["registry"] | undefined;
}

/**
 * `weft dev`: the app under Vite's module runner, served by the ordinary weft server, with every
 * save swapped into the live sessions (runtime/src/swap), an overlay for saves that cannot be
 * taken, and the devtools channel for the inspector and the VS Code extension.
 *
 * Each piece is made once what it needs exists, and is handed it: the output tap, the swap
 * engine, the module runner, the first load, the app's server, the agent on the runtime's hook,
 * the hub that fans the agent out to the tools, the channel server, and last the queue that turns
 * the runner's file changes into saves.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const entry = resolve(options.entry);
  if (!existsSync(entry)) throw new DevServerError(`no app at ${entry}`);
  const root = dirname(entry);
  const startedAt = Date.now();
  const print = options.print ?? true;
  const listeners = new Set<(event: DevEvent) => void>();
  const emit = (event: DevEvent) => {
    for (const listener of listeners) listener(event);
  };
  const rel = (file: string) => relative(root, file) || file;
  /** What the last saves left: the current build error (none once a save is taken) and the last report. */
  const status: { error: BuildErrorMessage | null; report: SwapReport | null; reports: SwapReport[] } = { error: null, report: null, reports: [] };
  /** What `get-swaps` answers: the last 200 reports, newest first. */
  const keepReport = (report: SwapReport) => {
    status.report = report;
    status.reports.unshift(report);
    if (status.reports.length > 200) status.reports.pop();
  };

  const tap: OutputTap = tapOutput();
  const teardown = createTeardown();
  teardown.add(() => tap.restore());

  const notLoaded: AppMain = () => {
    throw new Error(`the app failed to load: ${status.error?.error.message ?? "unknown error"} (see the overlay)`);
  };
  // One registry for the module graph (transform.ts registers its classes and components there),
  // and the engine of the app module (`weft dev app.ts`), which also owns the modules' own timers.
  const registry = new SwapRegistry();
  const engine = new SwapEngine(notLoaded, { mute: (on) => tap.mute(on), registry });
  globalThis.__WEFT_SWAP__ = registry;
  teardown.add(() => {
    engine.dispose();
    if (globalThis.__WEFT_SWAP__ === registry) globalThis.__WEFT_SWAP__ = undefined;
  });

  let queue: ChangeQueue | undefined;
  /** What the module runner read before the queue exists (startup): handed to it then. */
  const loadedEarly = new Map<string, string>();
  const runner = await AppRunner.create({
    entry,
    root,
    importContext: (id) => engine.importContext(id),
    onLoad: (file, code) => (queue ? queue.noteLoaded(file, code) : loadedEarly.set(file, code)),
    // The app's `import … from "weft"` is this process's runtime: one hook, one set of sessions.
    shared: new Map([[import.meta.resolve("weft"), runtime]]),
  });
  teardown.add(() => runner.close());
  const overlay: Overlay = createOverlay();

  /** A save that cannot be taken: the old code keeps serving, the overlay and the tools say why. */
  const showBuildError = (error: ErrorInfo, files: string[], what: string) => {
    status.error = { type: "build-error", files: files.map(rel), error, at: Date.now() };
    overlay.showError(error, placeOf(error, root));
    tap.printError(formatBuildError(error, root, what));
    return status.error;
  };

  // A server module (`weft dev server.ts`) mounts its apps while it loads: the devserver is their
  // host from the first line it runs (mountedApps.ts). A `--port` reaches it as PORT.
  const mounted = new MountedApps({ entry, runner, registry, overlay, mute: (on) => tap.mute(on) });
  const undoHostTracking = trackHostGenerations();
  hook.appHost = mounted;
  teardown.add(() => {
    if (hook.appHost === mounted) hook.appHost = null;
    undoHostTracking();
  });
  if (options.port !== undefined) process.env.PORT = String(options.port);
  if (options.host !== undefined) process.env.HOST = options.host;

  // The first load: for an app module, a swap with no sessions. If it fails, the server still
  // starts: sessions show the error, the overlay shows where, and the first good save brings the
  // app up.
  let loaded = true;
  let module: Record<string, unknown> | undefined;
  try {
    module = await mounted.start();
  } catch (err) {
    loaded = false;
    showBuildError(describeBuildError(err, root), [entry], "the app failed to load");
  }
  const serverMode = mounted.mountsApps || (module ? typeof module.default !== "function" : !hasDefaultExport(entry));
  if (!serverMode) {
    // An app module: the devserver serves it itself, below.
    hook.appHost = null;
    try {
      if (module) await engine.swap(mainOf(module, entry), { files: [] });
    } catch (err) {
      engine.discard();
      loaded = false;
      showBuildError(describeBuildError(err, root), [entry], "the app failed to load");
    }
  }
  teardown.add(() => mounted.close());

  // The first save after startup would pay for cold code (Vite's re-transform path, the JIT):
  // pay it now, twice, for every module of the app that is harmless to run again (no top-level
  // side effects), so the first save of a dependency is as quick as the first save of the entry.
  const entryFacts = runner.factsOf(entry);
  if (!serverMode && loaded && entryFacts && entryFacts.sideEffects.length === 0 && !entryFacts.forceRestart && options.warmUp !== false) {
    const safe = runner.files.filter((file) => {
      const facts = runner.factsOf(file);
      return facts !== undefined && !facts.forceRestart && (facts.sideEffects.length === 0 || facts.handlesHot);
    });
    tap.mute(true);
    try {
      for (let i = 0; i < 2; i++) {
        const again = await runner.reimport(safe);
        if (again) await engine.swap(mainOf(again.module, entry), { files: [] });
      }
    } catch {
      engine.discard();
    } finally {
      tap.mute(false);
    }
  }

  // The developer reads the page: errors show in full (exposeErrors), as in the terminal.
  let app: WeftServer | undefined;
  if (!serverMode) {
    app = await createWeftServer({
      main: engine.main,
      port: options.port,
      host: options.host,
      injectHtml: overlay.html,
      compression: options.compression,
      exposeErrors: true,
      allowedHosts: options.allowedHosts,
      handleProcessErrors: options.handleProcessErrors,
      ...(options.resumeWindowMs !== undefined ? { resumeWindowMs: options.resumeWindowMs } : {}),
      ...(options.assetsDir !== undefined ? { assetsDir: options.assetsDir } : {}),
      ...(options.gate ? { gate: options.gate } : {}),
    });
    const served = app;
    teardown.add(() => served.close());
    overlay.attach(app.upgrades);
  } else if (options.handleProcessErrors) {
    teardown.add(handleProcessErrors());
  }
  teardown.add(() => overlay.close());
  const appUrls = (): string[] => (app ? [app.url] : mounted.urls);
  const appUrl = appUrls()[0] ?? "";

  const agent: Agent = attachAgent({ sourceLocations: options.sourceLocations ?? true, app: entry });
  teardown.add(() => agent.dispose());
  const hub = new Hub({
    agent,
    hello: () => ({ type: "hello", version: CHANNEL_VERSION, app: { entry, url: appUrls()[0] ?? "", root }, pid: process.pid, startedAt }),
    backlog: () => [...(status.report ? [{ type: "swap", report: status.report } as const] : []), ...(status.error ? [status.error] : [])],
    stats: () => processStats(startedAt, app ? app.manager.sessions.size : mounted.sessionCount, status.report?.id ?? 0),
    swaps: () => status.reports.slice(),
  });
  teardown.add(() => hub.dispose());
  const undoTap = tap.onWrite((stream, text) => hub.broadcast({ type: "log", stream, text, at: Date.now() }));
  teardown.add(undoTap);

  // The token is the workspace's, kept across restarts: an inspector left open reconnects.
  const workspace = options.workspace ?? findWorkspace(root);
  const token = devServerToken(workspace, print ? (message) => tap.printError(message) : undefined);
  const channel: ChannelServer = await startInspector(options, hub, app?.port ?? portOf(appUrl), token);
  teardown.add(() => channel.close());
  teardown.add(announceDevServer(workspace, { app: appUrl, channel, entry, startedAt }));

  const refuse = (err: unknown, files: string[], what: string, changedAt: number, changedSinceLoad: () => boolean) => {
    engine.discard();
    // Read mid-write (truncated, then written): the next batch loads the finished file.
    if (changedSinceLoad()) return;
    const error = describeBuildError(err, root);
    hub.broadcast(showBuildError(error, files, what));
    emit({ type: "build-error", error, files, changedAt });
  };

  /** What starts afresh in the sessions of an app whose main is `file`'s default export. */
  const resetOf = (executed: readonly string[], file: string | undefined, name = "default") => {
    const reset = (file && name === "default" ? (runner.factsOf(file)?.mainLocals ?? []) : []).map((l) => ({
      what: `main's local \`${l.name}\` (${rel(file!)}:${l.line})`,
      why: "plain local variables of main start afresh on every swap; keep state in controls, fields or page.session",
    }));
    for (const f of executed) {
      for (const s of runner.factsOf(f)?.moduleState ?? []) reset.push({ what: `module state \`${s.name}\` (${rel(f)}:${s.line})`, why: "the module ran again" });
    }
    return reset;
  };
  const factsOf = (files: readonly string[]) => files.map((f) => runner.factsOf(f)).filter((f): f is ModuleFacts => f !== undefined);

  /** A swap was taken: the report goes to the terminal, the overlay, the tools and the listeners. */
  const taken = (report: SwapReport, files: string[], changedAt: number, phases: { tStart: number; tImported: number }, label?: string) => {
    report.ms = performance.now() - changedAt;
    if (report.activeMs !== undefined) report.activeMs += phases.tImported - changedAt;
    report.phases = { waitMs: phases.tStart - changedAt, importMs: phases.tImported - phases.tStart, swapMs: performance.now() - phases.tImported };
    keepReport(report);
    if (status.error) {
      status.error = null;
      overlay.clear();
      hub.broadcast({ type: "build-ok", at: Date.now() });
    }
    const summary = label ? summarizeReport(report).replace(/^weft: /, `weft: ${label}: `) : summarizeReport(report);
    overlay.notifySwap(summary, report.outcome);
    if (print) tap.print(summary);
    hub.broadcast({ type: "swap", report });
    emit({ type: "swap", report, files, changedAt });
  };

  // A save of an app module: run the changed modules again, then swap the new main into every session.
  const runAppSave = async (changed: string[], changedAt: number, changedSinceLoad: () => boolean) => {
    let files = changed;
    const tStart = performance.now();
    let reimport;
    try {
      reimport = await runner.reimport(files);
    } catch (err) {
      return refuse(err, files, "could not load the new code", changedAt, changedSinceLoad);
    }
    if (!reimport) return; // not part of the app
    const appFiles = files.filter((f) => reimport.executed.includes(f));
    if (appFiles.length > 0) files = appFiles;
    let main: AppMain;
    try {
      main = mainOf(reimport.module, entry);
    } catch (err) {
      return refuse(err, files, "could not load the new code", changedAt, changedSinceLoad);
    }
    const tImported = performance.now();
    const facts = factsOf(reimport.executed);
    const restartReason = unsafeToSwap(facts, root);
    // Edits of modules that export only components and classes need no re-render of their
    // importers' components (React Refresh's boundary): those modules only ran again.
    const edited = facts.filter((f) => changed.includes(f.file));
    const quietFiles = edited.length > 0 && edited.every((f) => f.boundary) ? reimport.executed.filter((f) => !changed.includes(f)) : [];
    let report: SwapReport;
    // What the swap sends the tabs is its doing, and the inspector says so (a chain per session).
    const cause = agent.inspect?.beginCause("swap", "swap");
    try {
      report = await engine.swap(main, { files: files.map(rel), ...(restartReason ? { restartReason } : {}), reset: resetOf(reimport.executed, entry), quietFiles });
    } catch (err) {
      cause?.end();
      return refuse(err, files, `the new code threw while ${err instanceof SwapBuildError ? err.doing : "building the page"}`, changedAt, changedSinceLoad);
    }
    cause?.end(`swap #${report.id}`);
    if (reimport.unreachable.length > 0) {
      runner.forget(reimport.unreachable);
      report.stopped.timers += engine.dropModules(reimport.unreachable).timers;
    }
    taken(report, files, changedAt, { tStart, tImported });
  };

  // A save under a server module: the changed app modules, or the server module itself, run
  // again (mountedApps.ts); each app whose main changed is swapped.
  let reportIds = 0;
  const runServerSave = async (changed: string[], changedAt: number, changedSinceLoad: () => boolean) => {
    const tStart = performance.now();
    let result;
    try {
      result = await mounted.save(changed, {
        files: changed.map(rel),
        restartReason: (executed) => unsafeToSwap(factsOf(executed), root),
        resetOf: (dev) => resetOf([], dev.source?.file, dev.source?.name),
      });
    } catch (err) {
      const what = err instanceof SwapBuildError ? "the new code threw while building the page" : "could not load the new code";
      return refuse(err, changed, what, changedAt, changedSinceLoad);
    }
    if (!result) return; // not part of the server's module graph
    engine.takeModuleGeneration();
    const tImported = performance.now();
    const files = changed.filter((f) => result.executed.includes(f));
    if (result.hostRestarted) {
      const apps = mounted.list.length;
      const ms = Math.round(performance.now() - changedAt);
      if (print) tap.print(`weft: restarted ${rel(entry)}'s handlers · ${apps} app${apps === 1 ? "" : "s"} kept ${mounted.sessionCount} session${mounted.sessionCount === 1 ? "" : "s"} · ${ms} ms`);
      if (status.error && result.swaps.length === 0) {
        status.error = null;
        overlay.clear();
        hub.broadcast({ type: "build-ok", at: Date.now() });
      }
    }
    for (const { app: dev, report } of result.swaps) {
      report.id = ++reportIds;
      taken(report, files.length > 0 ? files : changed, changedAt, { tStart, tImported }, dev.basePath);
    }
    for (const { app: dev, error } of result.failed) refuse(error, changed, `the new code of the app at ${dev.basePath} threw while building its page`, changedAt, changedSinceLoad);
  };

  const runSave = serverMode ? runServerSave : runAppSave;
  const changes = new ChangeQueue({ quietMs: options.quietMs ?? 3, maxWaitMs: 50, run: runSave });
  for (const [file, code] of loadedEarly) changes.noteLoaded(file, code);
  queue = changes;
  teardown.add(() => changes.close());
  teardown.add(runner.onChange((file) => changes.add(file)));

  if (print) {
    // Inspector first: a script that waits for the App line then has both.
    tap.print(`Inspector: ${channel.inspectorUrl}`);
    for (const url of appUrls()) tap.print(`App: ${url}`);
    if (serverMode && loaded && appUrls().length === 0) {
      tap.printError(
        mounted.mountsApps
          ? `weft: ${rel(entry)} mounted ${mounted.list.map((d) => d.basePath).join(", ")} but attached no app to a listening server: call app.attach(server) with the server that listens`
          : `weft: ${rel(entry)} has no default export (an app's main) and mounted no app with createWeft(): nothing to serve`,
      );
    }
  }

  return {
    appUrl,
    get appUrls() {
      return appUrls();
    },
    inspectorUrl: channel.inspectorUrl,
    channelUrl: channel.channelUrl,
    token: channel.token,
    app,
    engine,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    idle: () => changes.idle(),
    isCurrent: (file) => changes.isLoaded(resolve(file)),
    close: () => teardown.run(),
  };
}

/** The port of a URL, or 0. */
function portOf(url: string): number {
  try {
    return Number(new URL(url).port) || 0;
  } catch {
    return 0;
  }
}

/** Whether a module that failed to load was meant as an app (`export default`) rather than a server module. */
function hasDefaultExport(file: string): boolean {
  try {
    return /\bexport\s+default\b|\bas\s+default\b/.test(readFileSync(file, "utf8"));
  } catch {
    return true;
  }
}


export class DevServerError extends Error {
  override name = "DevServerError";
}

function mainOf(module: Record<string, unknown>, entry: string): AppMain {
  const main = module.default;
  if (typeof main !== "function") {
    const err = new Error(`${entry} has no default export: an app exports \`default function main(page: Page)\``) as Error & { loc?: unknown };
    err.loc = { file: entry, line: 1, column: 0 };
    throw err;
  }
  return main as AppMain;
}

/** Why re-running these modules next to the sessions' state is unsafe, or undefined. */
function unsafeToSwap(facts: readonly ModuleFacts[], root: string): string | undefined {
  for (const f of facts) {
    if (f.forceRestart) return `${relative(root, f.file)} asks for it (// @weft-restart)`;
    if (f.handlesHot || f.sideEffects.length === 0) continue;
    const first = f.sideEffects[0]!;
    return `${relative(root, f.file)}:${first.line} runs \`${first.name}\` when the module loads; running it again next to the old module's state is unsafe (clean up with import.meta.hot.dispose to allow swaps)`;
  }
  return undefined;
}

/** The inspector's server: on the asked port, else next to the app's, else any free one. */
async function startInspector(options: DevServerOptions, hub: Hub, appPort: number, token: string): Promise<ChannelServer> {
  const base = { hub, host: options.inspectorHost, allowedHosts: options.allowedHosts, compression: options.compression, token };
  if (options.inspectorPort !== undefined) return startChannelServer({ ...base, port: options.inspectorPort });
  if (options.port === 0 || appPort === 0) return startChannelServer({ ...base, port: 0 });
  try {
    return await startChannelServer({ ...base, port: appPort + 1 });
  } catch (err) {
    if ((err as { code?: string }).code !== "EADDRINUSE") throw err;
    return startChannelServer({ ...base, port: 0 });
  }
}
