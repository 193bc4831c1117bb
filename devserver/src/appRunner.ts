import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createServer, createServerModuleRunner, defaultServerConditions, type Plugin, type ViteDevServer } from "vite";
import { ESModulesEvaluator, type ModuleRunner } from "vite/module-runner";
import { processConditions } from "@weft/static/conditions";
import { runContext, type RunContext } from "weft/swap";
import { standardDecorators } from "@weft/static/decorators";
import { transformForSwap, type ModuleFacts } from "./transform.ts";

type EvaluatedModuleNode = NonNullable<ReturnType<ModuleRunner["evaluatedModules"]["getModuleById"]>>;

export interface AppRunnerOptions {
  /** The app's entry module, absolute. */
  entry: string;
  /** Vite's root: the folder it watches. */
  root: string;
  /** Where module `id`'s top level runs (the swap engine's generation for that module). */
  importContext(id: string): RunContext;
  /** Vite read `file` to run it: `code` is exactly what runs (the change queue compares the file with it). */
  onLoad?(file: string, code: string): void;
  /**
   * Modules the app gets as they are, by the URL its import resolves to: the runtime (`weft`),
   * so the app and the devserver share one instance of it whatever loader imported the
   * devserver (tsx under `weft dev`, Vitest in the devserver's own tests).
   */
  shared?: ReadonlyMap<string, unknown>;
}

export interface Reimport {
  module: Record<string, unknown>;
  /** Files whose modules ran again. */
  executed: string[];
  /** Modules the new version of the app no longer imports (see `forget`). */
  unreachable: string[];
}

/**
 * The app under Vite's module runner (the environment API, vite.dev/guide/api-environment):
 * TypeScript compiled on the fly, a module graph, and a watcher. The runtime (`weft`) is
 * external, so the app and the devserver share one instance of it: the sessions, the hook and
 * the control classes are the same objects on both sides, and a swap never reloads them.
 *
 * Vite's own SSR update path is turned off (the plugin's `hotUpdate` returns no modules): it
 * would re-run every module of the app. Instead a change re-runs the changed modules and their
 * importers up to the entry, and the devserver swaps the new `main` in.
 */
export class AppRunner {
  private readonly facts = new Map<string, ModuleFacts>();
  /** Modules of an import that failed: run again on the next attempt whatever changes. */
  private readonly failed = new Set<EvaluatedModuleNode>();
  /** Modules `invalidate` marked stale that no import has run again yet. */
  private readonly pending = new Set<EvaluatedModuleNode>();
  private lastFailed = false;

  private constructor(
    readonly server: ViteDevServer,
    readonly runner: ModuleRunner,
    private readonly entry: string,
    factsMap: Map<string, ModuleFacts>,
    private readonly changeListeners: Set<(file: string) => void>,
  ) {
    this.facts = factsMap;
  }

  static async create(options: AppRunnerOptions): Promise<AppRunner> {
    const facts = new Map<string, ModuleFacts>();
    const changeListeners = new Set<(file: string) => void>();
    const changed = (file: string) => {
      for (const listener of changeListeners) listener(file);
    };
    const server = await createServer({
      configFile: false,
      envFile: false,
      root: options.root,
      appType: "custom",
      logLevel: "silent",
      clearScreen: false,
      server: {
        middlewareMode: true,
        ws: false,
        watch: { ignored: ["**/.weft/**", "**/test-results/**", "**/playwright-report/**"] },
      },
      // The app's packages as this process resolves them (weft's sources inside its repository);
      // Vite resolves an external's entry itself, with these conditions. Every entry point of the
      // runtime is named: a server module's `weft/server` run inline would be a second runtime,
      // whose View refuses the app's controls (test/e2e/dev-server.spec.ts).
      ssr: { external: ["weft", "weft/server", "weft/swap", "weft/testing", "weft/protocol", "weft/desktop", "weft/static", "@weft/protocol"], resolve: { conditions: [...processConditions(), ...defaultServerConditions], externalConditions: processConditions() } },
      optimizeDeps: { noDiscovery: true, include: [] },
      plugins: [standardDecorators(), sameRuntimePlugin(), swapPlugin(facts, changed, options.onLoad)],
    });
    class SwapEvaluator extends ESModulesEvaluator {
      // The runner passes the module being run as a third argument (its type declares two).
      override runInlinedModule(context: Parameters<ESModulesEvaluator["runInlinedModule"]>[0], code: string, module?: { id?: string }) {
        return runContext.run(options.importContext(module?.id ?? "module"), () => super.runInlinedModule(context, code));
      }
      override runExternalModule(url: string) {
        return options.shared?.has(url) ? Promise.resolve(options.shared.get(url)) : super.runExternalModule(url);
      }
    }
    const runner = createServerModuleRunner(server.environments.ssr, { hmr: { logger: false }, evaluator: new SwapEvaluator() });
    return new AppRunner(server, runner, options.entry, facts, changeListeners);
  }

  /**
   * Calls `listener` when a watched file changes, is added or removed (after Vite invalidated its
   * transform). Returns the undo.
   */
  onChange(listener: (file: string) => void): () => void {
    const entry = (file: string) => listener(file);
    this.changeListeners.add(entry);
    return () => void this.changeListeners.delete(entry);
  }

  /** What the transform learned about a module. */
  factsOf(file: string): ModuleFacts | undefined {
    return this.facts.get(file);
  }

  /** Imports the entry (the first time, or after a failure). */
  importEntry(): Promise<Record<string, unknown>> {
    return this.importFile(this.entry);
  }

  /**
   * Runs the changed modules and their importers again, up to the entry. Resolves null when no
   * changed file is part of the app (a README saved next to it).
   */
  async reimport(files: readonly string[]): Promise<Reimport | null> {
    const before = this.reachable();
    const stale = await this.invalidate(files);
    if (!stale) return null;
    const module = await this.importFile(this.entry);
    const after = this.reachable();
    const unreachable = [...before].filter((node) => !after.has(node)).map((node) => node.id);
    return { module, executed: [...stale], unreachable };
  }

  /**
   * Marks the changed modules and their importers stale, up to the entry, or up to a module of
   * `stopAt` (a mounted app's module under `weft dev server.ts`: its importer, the server
   * module, keeps the old bindings and need not run again), and runs their
   * `import.meta.hot.dispose` handlers. The next `importFile` runs them again. Resolves with
   * their files, or null when no changed file is part of the app (a README saved next to it).
   */
  async invalidate(files: readonly string[], stopAt: ReadonlySet<string> = new Set()): Promise<Set<string> | null> {
    await untilWritten(files);
    const graph = this.runner.evaluatedModules;
    const stale = new Set<EvaluatedModuleNode>(this.failed);
    const visit = (node: EvaluatedModuleNode) => {
      if (stale.has(node)) return;
      stale.add(node);
      if (stopAt.has(node.file)) return;
      for (const importer of node.importers) {
        const parent = graph.getModuleById(importer);
        // `importers` only grows: a module that dropped the import is not this one's importer.
        if (parent && (parent.imports.has(node.id) || this.failed.has(parent))) visit(parent);
      }
    };
    // Vite's watcher invalidates its transform of a changed file, but the change may come from
    // our own recheck (a write the watcher dropped): make sure the new source is read.
    const serverGraph = this.server.environments.ssr.moduleGraph;
    for (const file of files) {
      for (const mod of serverGraph.getModulesByFile(file) ?? []) serverGraph.invalidateModule(mod);
      for (const node of graph.getModulesByFile(file) ?? []) visit(node);
    }
    if (stale.size === 0 && !this.lastFailed) return null;
    const hmr = this.runner.hmrClient as unknown as { disposeMap: Map<string, (data: unknown) => unknown>; dataMap: Map<string, unknown> } | undefined;
    for (const node of stale) {
      // import.meta.hot.dispose(): the module's own cleanup, as Vite calls it before an update.
      const dispose = hmr?.disposeMap.get(node.url);
      if (dispose) {
        // Once: the new version registers its own when it runs (and a module that does not run
        // again, having left the app, must not be disposed a second time when it is pruned).
        hmr!.disposeMap.delete(node.url);
        try {
          await dispose(hmr!.dataMap.get(node.url));
        } catch (err) {
          console.error(`weft: the dispose handler of ${node.file} threw:`, err);
        }
      }
      graph.invalidateModule(node);
    }
    for (const node of stale) this.pending.add(node);
    return new Set([...stale].map((n) => n.file));
  }

  /**
   * Imports a module, running again what `invalidate` marked stale on its way. If it throws,
   * the stale modules stay stale for the next attempt, whatever changes then.
   */
  async importFile(file: string): Promise<Record<string, unknown>> {
    try {
      const module = (await this.runner.import(file)) as Record<string, unknown>;
      this.lastFailed = false;
      this.failed.clear();
      this.pending.clear();
      return module;
    } catch (err) {
      this.lastFailed = true;
      for (const node of this.pending) this.failed.add(node);
      throw err;
    }
  }

  /**
   * Compiles changed files without running anything: a syntax error is known before a server
   * module's servers are stopped for its new version. Throws the build error.
   */
  async check(files: readonly string[]): Promise<void> {
    for (const file of files) {
      if (this.runner.evaluatedModules.getModulesByFile(file)) await this.server.environments.ssr.transformRequest(file);
    }
  }

  /** The module the runner evaluated for `file`, with its exports (where a mounted app's `main` came from). */
  modules(): Iterable<{ file: string; exports: unknown }> {
    return this.runner.evaluatedModules.idToModuleMap.values();
  }

  /**
   * Modules the app no longer imports (an edit removed the last `import` of them). Vite's server
   * saw the import go and had the runner prune them (their `import.meta.hot.dispose` and `prune`
   * handlers ran, as in a browser); here they are forgotten, so importing them again runs them
   * afresh and a later change of theirs disposes nothing twice. Called once the new version of
   * the app has been taken.
   */
  forget(ids: readonly string[]): void {
    const graph = this.runner.evaluatedModules;
    const hmr = this.runner.hmrClient;
    for (const id of ids) {
      const node = graph.getModuleById(id);
      if (!node) continue;
      hmr?.disposeMap.delete(node.url);
      hmr?.pruneMap.delete(node.url);
      graph.invalidateModule(node);
      for (const other of graph.idToModuleMap.values()) other.importers.delete(node.id);
    }
  }

  /** The modules the entry reaches through its imports now. */
  private reachable(): Set<EvaluatedModuleNode> {
    const graph = this.runner.evaluatedModules;
    const seen = new Set<EvaluatedModuleNode>();
    const visit = (node: EvaluatedModuleNode | undefined) => {
      if (!node || seen.has(node) || !node.evaluated) return;
      seen.add(node);
      for (const id of node.imports) visit(graph.getModuleById(id));
    };
    for (const node of graph.getModulesByFile(this.entry) ?? []) visit(node);
    return seen;
  }

  /** Files of the app's module graph (what the watcher's events matter for). */
  get files(): string[] {
    return [...this.runner.evaluatedModules.fileToModulesMap.keys()];
  }

  async close(): Promise<void> {
    await this.runner.close();
    await this.server.close();
  }
}

/**
 * Many writers truncate a file, then write it: a change event can come in between, and the
 * file reads empty. Like Vite's `readModifiedFile`, wait a little for the content (an empty
 * file that stays empty is taken as it is).
 */
async function untilWritten(files: readonly string[]): Promise<void> {
  for (const file of files) {
    for (let i = 0; i < 10; i++) {
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        break; // removed: the import says what that means
      }
      if (size > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/**
 * Registers classes and components of app modules (see transform.ts), records what each module
 * does at its top level, and takes the watcher's events away from Vite's SSR update path.
 */
function swapPlugin(facts: Map<string, ModuleFacts>, onChange: (file: string) => void, onLoad: AppRunnerOptions["onLoad"]): Plugin {
  return {
    name: "weft:swap",
    enforce: "pre",
    transform(code, id) {
      if (this.environment?.name !== "ssr") return null;
      const file = id.split("?")[0]!;
      if (!/\.[cm]?[jt]sx?$/.test(file) || file.includes("/node_modules/")) return null;
      onLoad?.(file, code);
      const result = transformForSwap(code, file);
      if (!result) return null;
      facts.set(file, result.facts);
      return { code: result.code, map: result.map };
    },
    hotUpdate(ctx) {
      if (this.environment.name === "ssr") onChange(ctx.file);
      return [];
    },
  };
}

/**
 * The app's `weft` is the devserver's own, resolved as Node resolves it for this module: the
 * sources inside weft's repository (the `@weft/source` condition), the build in an installed
 * weft. Vite's resolver does not know which conditions this process runs with, and one runtime
 * on both sides (the same sessions, hook and control classes) is what a swap relies on.
 */
function sameRuntimePlugin(): Plugin {
  return {
    name: "weft:same-runtime",
    enforce: "pre",
    resolveId(id) {
      if (id !== "weft" && !id.startsWith("weft/")) return null;
      return { id: fileURLToPath(import.meta.resolve(id)), external: true };
    },
  };
}
