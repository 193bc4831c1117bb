import { existsSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { AppMain } from "weft";
import { createWeftServer, type AccessGate, type WeftServer } from "weft/server";
import { attachAgent, type Agent } from "@weft/agent";
import { CHANNEL_VERSION, type BuildErrorMessage, type ErrorInfo, type StatsResult } from "@weft/protocol/channel";
import { SwapEngine, summarizeReport, type SwapReport } from "weft/swap";
import { AppRunner } from "./appRunner.ts";
import { describeBuildError, formatBuildError, placeOf } from "./buildError.ts";
import { ChangeQueue } from "./changeQueue.ts";
import { startChannelServer, type ChannelServer } from "./channelServer.ts";
import { Hub } from "./hub.ts";
import { tapOutput, type OutputTap } from "./outputTap.ts";
import { createOverlay, type Overlay } from "./overlay.ts";
import type { ModuleFacts } from "./transform.ts";
import { createTeardown, processStats } from "./teardown.ts";
import { findWorkspace, removeDevServerInfo, writeDevServerInfo } from "./workspaceFile.ts";

export interface DevServerOptions {
  /** The app's entry module. */
  entry: string;
  /** The app's port; default 8550, 0 picks a free one. */
  port?: number;
  /** The app's host; default 127.0.0.1. */
  host?: string;
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
  /** Where `.weft/devserver.json` goes; default the app's workspace (nearest .git/.vscode/package.json). */
  workspace?: string;
  /** Wait this long for more changes before swapping. Default 3 ms. */
  quietMs?: number;
  /** Print the URL lines and swap lines. Default true. */
  print?: boolean;
  /** Run the entry twice at startup so the first save is as quick as the rest. Default true. */
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
  readonly appUrl: string;
  readonly inspectorUrl: string;
  readonly channelUrl: string;
  readonly token: string;
  readonly app: WeftServer;
  readonly engine: SwapEngine;
  /** Called after each save is taken or refused. Returns the unsubscribe. */
  onEvent(listener: (event: DevEvent) => void): () => void;
  /** Resolves once no change is waiting or being swapped. */
  idle(): Promise<void>;
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
  const status: { error: BuildErrorMessage | null; report: SwapReport | null } = { error: null, report: null };

  const tap: OutputTap = tapOutput();
  const teardown = createTeardown();
  teardown.add(() => tap.restore());

  const notLoaded: AppMain = () => {
    throw new Error(`the app failed to load: ${status.error?.error.message ?? "unknown error"} (see the overlay)`);
  };
  const engine = new SwapEngine(notLoaded, { mute: (on) => tap.mute(on) });
  globalThis.__WEFT_SWAP__ = engine.registry;
  teardown.add(() => {
    engine.dispose();
    if (globalThis.__WEFT_SWAP__ === engine.registry) globalThis.__WEFT_SWAP__ = undefined;
  });

  const runner = await AppRunner.create({ entry, root, importContext: () => engine.importContext() });
  teardown.add(() => runner.close());
  const overlay: Overlay = createOverlay();

  /** A save that cannot be taken: the old code keeps serving, the overlay and the tools say why. */
  const showBuildError = (error: ErrorInfo, files: string[], what: string) => {
    status.error = { type: "build-error", files: files.map(rel), error, at: Date.now() };
    overlay.showError(error, placeOf(error, root));
    tap.printError(formatBuildError(error, root, what));
    return status.error;
  };

  // The first load: a swap with no sessions. If it fails, the server still starts: sessions
  // show the error, the overlay shows where, and the first good save brings the app up.
  let loaded = true;
  try {
    const module = await runner.importEntry();
    await engine.swap(mainOf(module, entry), { files: [] });
  } catch (err) {
    engine.discard();
    loaded = false;
    showBuildError(describeBuildError(err, root), [entry], "the app failed to load");
  }

  // The first save after startup would pay for cold code (Vite's re-transform path, the JIT):
  // pay it now, twice, when running the module again is harmless (no top-level side effects).
  const entryFacts = runner.factsOf(entry);
  if (loaded && entryFacts && entryFacts.sideEffects.length === 0 && !entryFacts.forceRestart && options.warmUp !== false) {
    tap.mute(true);
    try {
      for (let i = 0; i < 2; i++) {
        const again = await runner.reimport([entry]);
        if (again) await engine.swap(mainOf(again.module, entry), { files: [] });
      }
    } catch {
      engine.discard();
    } finally {
      tap.mute(false);
    }
  }

  // The developer reads the page: errors show in full (exposeErrors), as in the terminal.
  const app = await createWeftServer({
    main: engine.main,
    port: options.port,
    host: options.host,
    injectHtml: overlay.html,
    compression: options.compression,
    exposeErrors: true,
    allowedHosts: options.allowedHosts,
    handleProcessErrors: options.handleProcessErrors,
    ...(options.gate ? { gate: options.gate } : {}),
  });
  teardown.add(() => app.close());
  overlay.attach(app.upgrades);
  teardown.add(() => overlay.close());

  const agent: Agent = attachAgent({ sourceLocations: options.sourceLocations ?? true });
  teardown.add(() => agent.dispose());
  const hub = new Hub({
    agent,
    hello: () => ({ type: "hello", version: CHANNEL_VERSION, app: { entry, url: app.url, root }, pid: process.pid, startedAt }),
    backlog: () => [...(status.report ? [{ type: "swap", report: status.report } as const] : []), ...(status.error ? [status.error] : [])],
    stats: () => processStats(startedAt, app.manager.sessions.size, status.report?.id ?? 0),
  });
  teardown.add(() => hub.dispose());
  const undoTap = tap.onWrite((stream, text) => hub.broadcast({ type: "log", stream, text, at: Date.now() }));
  teardown.add(undoTap);

  const channel: ChannelServer = await startInspector(options, hub, app.port);
  teardown.add(() => channel.close());

  const workspace = options.workspace ?? findWorkspace(root);
  const infoFile = writeDevServerInfo(workspace, {
    version: 1,
    pid: process.pid,
    app: app.url,
    inspector: channel.inspectorUrl,
    channel: channel.channelUrl,
    token: channel.token,
    entry,
    startedAt,
  });
  teardown.add(() => removeDevServerInfo(infoFile, process.pid));

  const refuse = (err: unknown, files: string[], what: string, changedAt: number, changedSinceLoad: () => boolean) => {
    engine.discard();
    // Read mid-write (truncated, then written): the next batch loads the finished file.
    if (changedSinceLoad()) return;
    const error = describeBuildError(err, root);
    hub.broadcast(showBuildError(error, files, what));
    emit({ type: "build-error", error, files, changedAt });
  };

  // A save: run the changed modules again, then swap the new main into every session.
  const runSave = async (changed: string[], changedAt: number, changedSinceLoad: () => boolean) => {
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
    const facts = reimport.executed.map((f) => runner.factsOf(f)).filter((f): f is ModuleFacts => f !== undefined);
    const restartReason = unsafeToSwap(facts, root);
    const reset = (runner.factsOf(entry)?.mainLocals ?? []).map((l) => ({
      what: `main's local \`${l.name}\` (${rel(entry)}:${l.line})`,
      why: "plain local variables of main start afresh on every swap; keep state in controls, fields or page.session",
    }));
    for (const f of facts) {
      for (const s of f.moduleState) reset.push({ what: `module state \`${s.name}\` (${rel(f.file)}:${s.line})`, why: "the module ran again" });
    }
    let report: SwapReport;
    try {
      report = await engine.swap(main, { files: files.map(rel), ...(restartReason ? { restartReason } : {}), reset });
    } catch (err) {
      return refuse(err, files, "the new code threw while building the page", changedAt, changedSinceLoad);
    }
    report.ms = performance.now() - changedAt;
    report.phases = { waitMs: tStart - changedAt, importMs: tImported - tStart, swapMs: performance.now() - tImported };
    status.report = report;
    if (status.error) {
      status.error = null;
      overlay.clear();
      hub.broadcast({ type: "build-ok", at: Date.now() });
    }
    const summary = summarizeReport(report);
    overlay.notifySwap(summary, report.outcome);
    if (print) tap.print(summary);
    hub.broadcast({ type: "swap", report });
    emit({ type: "swap", report, files, changedAt });
  };
  const queue = new ChangeQueue({ quietMs: options.quietMs ?? 3, maxWaitMs: 50, run: runSave });
  teardown.add(() => queue.close());
  teardown.add(runner.onChange((file) => queue.add(file)));

  if (print) {
    // Inspector first: a script that waits for the App line then has both.
    tap.print(`Inspector: ${channel.inspectorUrl}`);
    tap.print(`App: ${app.url}`);
  }

  return {
    appUrl: app.url,
    inspectorUrl: channel.inspectorUrl,
    channelUrl: channel.channelUrl,
    token: channel.token,
    app,
    engine,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    idle: () => queue.idle(),
    close: () => teardown.run(),
  };
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
async function startInspector(options: DevServerOptions, hub: Hub, appPort: number): Promise<ChannelServer> {
  const base = { hub, host: options.inspectorHost, allowedHosts: options.allowedHosts, compression: options.compression };
  if (options.inspectorPort !== undefined) return startChannelServer({ ...base, port: options.inspectorPort });
  if (options.port === 0 || appPort === 0) return startChannelServer({ ...base, port: 0 });
  try {
    return await startChannelServer({ ...base, port: appPort + 1 });
  } catch (err) {
    if ((err as { code?: string }).code !== "EADDRINUSE") throw err;
    return startChannelServer({ ...base, port: 0 });
  }
}
