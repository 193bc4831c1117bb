import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

/**
 * One chunk for everything the first frame needs beyond the entry: the modules `module` (a
 * module the entry imports dynamically) reaches by static imports, less those the entry itself
 * reaches. The entry also imports the inspector's tools lazily (devtools/lazyDevtoolsMethods.ts),
 * which could load before `module`, so the bundler gives each module both use (React's JSX
 * runtime, ControlView, IconGlyph…) a chunk of its own: five module scripts for the page to
 * fetch and link before its first frame where one does, and in a static build the app's worker
 * script queued behind them for a connection (six per host over HTTP/1.1). Grouped, a tool that
 * loads first fetches this chunk too, which the page preloads anyway. The group's test runs at
 * chunking, after buildEnd, when this plugin has the module graph.
 */
export function firstFrameChunk(module: string): { plugin: Plugin; group: { name: string; test: (id: string) => boolean; includeDependenciesRecursively: false } } {
  let file = "";
  let members = new Set<string>();
  const plugin: Plugin = {
    name: "weft:first-frame-chunk",
    apply: "build",
    configResolved(config) {
      file = fileURLToPath(new URL(module, `file://${config.root}/`));
    },
    buildEnd(error) {
      if (error) return;
      const staticallyReached = (from: string[]) => {
        const seen = new Set<string>();
        const visit = (id: string) => {
          if (seen.has(id)) return;
          seen.add(id);
          for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next);
        };
        from.forEach(visit);
        return seen;
      };
      const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      const entryOwn = staticallyReached(entries);
      members = new Set([...staticallyReached([file])].filter((id) => !entryOwn.has(id)));
      if (!members.has(file)) this.error(`weft:first-frame-chunk: ${module} is not imported dynamically by the entry`);
    },
  };
  return { plugin, group: { name: "mountApp", test: (id) => members.has(id), includeDependenciesRecursively: false } };
}
