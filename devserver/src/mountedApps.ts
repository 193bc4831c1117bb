import type { AppMain } from "weft";
import { type AppAdoption, type AppHost, type AppRequest, type HostedApp, type SessionManager } from "weft/server";
import { SwapEngine, type RegistryCommit, type SwapInput, type SwapRegistry, type SwapReport } from "weft/swap";
import type { AppRunner } from "./appRunner.ts";
import { HostGeneration } from "./hostGeneration.ts";
import type { Overlay } from "./overlay.ts";

/** One app the server module mounts, followed across the module's runs by its base path. */
export interface DevApp {
  /** Its base path (`/dashboard`), with `#2` for a second app at the same one. */
  readonly key: string;
  readonly basePath: string;
  /** Swaps its sessions; `engine.main` is what the app serves. */
  readonly engine: SwapEngine;
  /** The `main` the server module gave it last. */
  raw: AppMain;
  /** Where `raw` is exported from, if it is (then an edit there swaps without re-running the server module). */
  source?: { file: string; name: string };
  /** The app now serving it (the latest `createWeft()` for its key) and its sessions. */
  app?: HostedApp;
  manager?: SessionManager;
  /** A new `main` to swap in once the import is done. */
  pending?: AppMain;
  /** Mounted by the module's latest run. */
  seen: boolean;
  undoOverlay?: () => void;
}

/** One app's swap of a save. */
export interface AppSwap {
  app: DevApp;
  report: SwapReport;
}

export interface MountedAppsOptions {
  entry: string;
  runner: AppRunner;
  registry: SwapRegistry;
  overlay: Overlay;
  mute: (muted: boolean) => void;
}

/**
 * `weft dev server.ts`: the apps a server module mounts, kept alive across edits. The devserver
 * is the runtime's app host (`hook.appHost`, runtime/src/hostedApp.ts): each `createWeft()` the
 * module calls is adopted, serving the `main` of a swap engine of its own, with the overlay in
 * its page and the developer's error texts.
 *
 * An edit is taken one of two ways:
 * - **an app's module** (or what only it imports) changed: that module runs again, and its new
 *   `main` is swapped into the app's sessions. The server module is left alone: its handlers, its
 *   port and its connections never notice.
 * - **the server module** (or something it imports itself) changed: its servers stop listening
 *   (HostGeneration), it runs again, and each `createWeft()` of the new run is handed the sessions
 *   of the app it replaces (same base path) and swaps its `main` in if it changed. Tabs keep their
 *   sockets: only the host's own handlers were restarted.
 */
export class MountedApps implements AppHost {
  private readonly apps = new Map<string, DevApp>();
  /** Every engine made, in order: disposed in reverse (they stack the construction hook). */
  private readonly engines: SwapEngine[] = [];
  private generation = new HostGeneration();
  private readonly perBasePath = new Map<string, number>();

  constructor(private readonly options: MountedAppsOptions) {}

  /** The apps mounted now, in the order the server module mounted them. */
  get list(): DevApp[] {
    return [...this.apps.values()];
  }

  /** Their pages' URLs, in that order. */
  get urls(): string[] {
    return this.list.flatMap((dev) => dev.app?.urls ?? []);
  }

  get sessionCount(): number {
    return this.list.reduce((n, dev) => n + (dev.manager?.sessions.size ?? 0), 0);
  }

  adopt(request: AppRequest): AppAdoption {
    const n = (this.perBasePath.get(request.basePath) ?? 0) + 1;
    this.perBasePath.set(request.basePath, n);
    const key = n === 1 ? request.basePath : `${request.basePath}#${n}`;
    let dev = this.apps.get(key);
    if (!dev) {
      const engine = new SwapEngine(request.main, { registry: this.options.registry, mute: this.options.mute });
      this.engines.push(engine);
      dev = { key, basePath: request.basePath, engine, raw: request.main, seen: true };
      this.apps.set(key, dev);
    } else {
      dev.seen = true;
      if (request.main !== dev.raw) dev.pending = request.main;
      dev.raw = request.main;
    }
    const adopted = dev;
    return {
      main: adopted.engine.main,
      ...(adopted.manager ? { manager: adopted.manager } : {}),
      injectHtml: this.options.overlay.html,
      // The developer reads the page: errors show in full, as in the terminal.
      options: { exposeErrors: true },
      adopted: (app) => {
        adopted.app = app;
        adopted.manager = app.manager;
        adopted.undoOverlay?.();
        adopted.undoOverlay = this.options.overlay.attach(app.upgrades);
      },
    };
  }

  /** The server module's first run. Throws what its import threw (the devserver shows it). */
  async start(): Promise<Record<string, unknown>> {
    return this.runServerModule();
  }

  /** Whether the last run of the server module mounted any app. */
  get mountsApps(): boolean {
    return this.apps.size > 0;
  }

  /**
   * A save: runs again what changed, the way the class comment says, and swaps every app whose
   * `main` changed. Resolves null when no changed file is part of the module graph. Throws when
   * the new code cannot be loaded or the first app's first session cannot be built with it:
   * then nothing was swapped (a server module that failed to run has stopped listening; the
   * next good save starts it again).
   */
  async save(
    changed: string[],
    input: {
      files: string[];
      /** Why the sessions cannot keep their state with these modules run again (their top-level side effects), if so. */
      restartReason(executed: string[]): string | undefined;
      /** What starts afresh in an app's sessions (its main's plain locals). */
      resetOf(app: DevApp): { what: string; why: string }[];
    },
  ): Promise<{ swaps: AppSwap[]; failed: { app: DevApp; error: unknown }[]; executed: string[]; hostRestarted: boolean } | null> {
    const { entry, runner } = this.options;
    // A syntax error is known before the server stops listening: it keeps serving the old code.
    await runner.check(changed);
    const boundaries = new Set(this.list.map((dev) => dev.source?.file).filter((f): f is string => f !== undefined && f !== entry));
    const stale = await runner.invalidate(changed, boundaries);
    if (!stale) return null;
    const hostRestarted = stale.has(entry);
    if (hostRestarted) {
      await this.runServerModule();
    } else {
      for (const dev of this.list) {
        if (!dev.source || !stale.has(dev.source.file)) continue;
        const module = await runner.importFile(dev.source.file);
        const next = module[dev.source.name];
        if (typeof next !== "function") {
          throw Object.assign(new Error(`${dev.source.file} no longer exports the app mounted at ${dev.basePath} as \`${dev.source.name}\``), {
            loc: { file: dev.source.file, line: 1, column: 0 },
          });
        }
        if (next !== dev.raw) dev.pending = next as AppMain;
        dev.raw = next as AppMain;
      }
    }
    const executed = [...stale];
    const restartReason = input.restartReason(executed.filter((f) => f !== entry));
    const { swaps, failed } = await this.swapPending((dev) => ({ files: input.files, reset: input.resetOf(dev), ...(restartReason ? { restartReason } : {}) }));
    return { swaps, failed, executed, hostRestarted };
  }

  /** Stops the server module's servers and listeners, and every app's sessions. */
  async close(): Promise<void> {
    this.generation.stop();
    await Promise.all(this.list.map((dev) => (dev.app as { close?: () => Promise<void> } | undefined)?.close?.()));
    for (const dev of this.list) dev.undoOverlay?.();
    for (const engine of this.engines.splice(0).reverse()) engine.dispose();
    this.apps.clear();
  }

  private async runServerModule(): Promise<Record<string, unknown>> {
    this.generation.stop();
    this.generation = new HostGeneration();
    this.perBasePath.clear();
    for (const dev of this.list) dev.seen = false;
    const generation = this.generation;
    const module = await generation.run(() => this.options.runner.importEntry());
    // `app.listen(port)` listens on the next turn, `await fastify.listen()` inside the import:
    // either way the URLs are known once every server it started listens.
    await generation.listening(10_000);
    // `--port 0` picked a free port: the module's next runs listen on the same one, so its URLs
    // stay what the terminal printed and tabs reconnect where they were.
    if (process.env.PORT === "0") {
      const address = [...generation.servers].map((server) => server.address()).find((a) => typeof a === "object" && a !== null);
      if (address && typeof address === "object") process.env.PORT = String(address.port);
    }
    for (const dev of this.list) {
      if (dev.seen) continue;
      // The new version mounts nothing there any more: its sessions end.
      dev.manager?.closeAll("the server no longer mounts this app");
      dev.undoOverlay?.();
      this.apps.delete(dev.key);
    }
    this.findSources();
    return module;
  }

  /** Where each app's `main` is exported from: an edit there needs no new run of the server module. */
  private findSources(): void {
    const modules = [...this.options.runner.modules()];
    for (const dev of this.list) {
      dev.source = undefined;
      for (const mod of modules) {
        const name = exportNameOf(mod.exports, dev.raw);
        if (name !== undefined) {
          dev.source = { file: mod.file, name };
          break;
        }
      }
    }
  }

  /**
   * Swaps each app whose `main` changed. Throws, undoing the import's commit, when the first
   * one's first session cannot be built: nothing has changed then, the old code serves every
   * app. A later app that fails keeps its old code and is reported in `failed`.
   */
  private async swapPending(inputOf: (app: DevApp) => SwapInput): Promise<{ swaps: AppSwap[]; failed: { app: DevApp; error: unknown }[] }> {
    const due = this.list.filter((dev) => dev.pending);
    const swaps: AppSwap[] = [];
    const failed: { app: DevApp; error: unknown }[] = [];
    if (due.length === 0) return { swaps, failed };
    // One commit of the import for every app: class members and components belong to the
    // module graph, which the apps share; each engine refreshes its own sessions with it.
    const commit: RegistryCommit = this.options.registry.commit();
    for (const dev of due) {
      const next = dev.pending!;
      dev.pending = undefined;
      try {
        swaps.push({ app: dev, report: await dev.engine.swap(next, { ...inputOf(dev), commit }) });
      } catch (error) {
        if (swaps.length > 0) {
          failed.push({ app: dev, error });
          continue;
        }
        commit.undo();
        for (const other of due) other.pending = undefined;
        throw error;
      }
    }
    return { swaps, failed };
  }
}

function exportNameOf(exports: unknown, value: unknown): string | undefined {
  if (typeof exports !== "object" || exports === null) return undefined;
  for (const name of Object.keys(exports)) {
    try {
      if ((exports as Record<string, unknown>)[name] === value) return name;
    } catch {
      // a binding not initialised (a module that failed half-way): not it
    }
  }
  return undefined;
}
