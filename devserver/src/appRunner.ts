import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createServer, createServerModuleRunner, defaultServerConditions, type Plugin, type ViteDevServer } from "vite";
import { ESModulesEvaluator, type ModuleRunner } from "vite/module-runner";
import { processConditions } from "@weft/static/conditions";
import { runContext, type RunContext } from "weft/swap";
import { transformForSwap, type ModuleFacts } from "./transform.ts";

type EvaluatedModuleNode = NonNullable<ReturnType<ModuleRunner["evaluatedModules"]["getModuleById"]>>;

export interface AppRunnerOptions {
  /** The app's entry module, absolute. */
  entry: string;
  /** Vite's root: the folder it watches. */
  root: string;
  /** Where a module's top level runs (the swap engine's import generation). */
  importContext(): RunContext;
}

export interface Reimport {
  module: Record<string, unknown>;
  /** Files whose modules ran again. */
  executed: string[];
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
      // Vite resolves an external's entry itself, with these conditions.
      ssr: { external: ["weft"], resolve: { conditions: [...processConditions(), ...defaultServerConditions], externalConditions: processConditions() } },
      optimizeDeps: { noDiscovery: true, include: [] },
      plugins: [sameRuntimePlugin(), swapPlugin(facts, changed)],
    });
    class SwapEvaluator extends ESModulesEvaluator {
      override runInlinedModule(...args: Parameters<ESModulesEvaluator["runInlinedModule"]>) {
        return runContext.run(options.importContext(), () => super.runInlinedModule(...args));
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
  async importEntry(): Promise<Record<string, unknown>> {
    try {
      const module = (await this.runner.import(this.entry)) as Record<string, unknown>;
      this.lastFailed = false;
      return module;
    } catch (err) {
      this.lastFailed = true;
      throw err;
    }
  }

  /**
   * Runs the changed modules and their importers again, up to the entry. Resolves null when no
   * changed file is part of the app (a README saved next to it).
   */
  async reimport(files: readonly string[]): Promise<Reimport | null> {
    await untilWritten(files);
    const graph = this.runner.evaluatedModules;
    const stale = new Set<EvaluatedModuleNode>(this.failed);
    const visit = (node: EvaluatedModuleNode) => {
      if (stale.has(node)) return;
      stale.add(node);
      for (const importer of node.importers) {
        const parent = graph.getModuleById(importer);
        if (parent) visit(parent);
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
        try {
          await dispose(hmr!.dataMap.get(node.url));
        } catch (err) {
          console.error(`weft: the dispose handler of ${node.file} threw:`, err);
        }
      }
      graph.invalidateModule(node);
    }
    try {
      const module = await this.importEntry();
      this.failed.clear();
      return { module, executed: [...new Set([...stale].map((n) => n.file))] };
    } catch (err) {
      for (const node of stale) this.failed.add(node);
      throw err;
    }
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
function swapPlugin(facts: Map<string, ModuleFacts>, onChange: (file: string) => void): Plugin {
  return {
    name: "weft:swap",
    enforce: "pre",
    transform(code, id) {
      if (this.environment?.name !== "ssr") return null;
      const file = id.split("?")[0]!;
      if (!/\.[cm]?[jt]sx?$/.test(file) || file.includes("/node_modules/")) return null;
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
