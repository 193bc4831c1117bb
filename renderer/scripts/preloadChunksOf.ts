import { fileURLToPath } from "node:url";
import type { Plugin, Rollup } from "vite";

/**
 * `<link rel="modulepreload">` in the built index.html for the chunk of `module` (a module the
 * entry imports dynamically) and the chunks it imports. Vite preloads only the entry's static
 * imports from the page, and a dynamic import's chunks when the import runs; a chunk the first
 * frame needs but the entry loads after doing something first would then be fetched one step
 * late. Vite has no option for it: a small plugin reads the bundle it wrote.
 */
export function preloadChunksOf(module: string): Plugin {
  let file = "";
  return {
    name: "weft:preload-chunks-of",
    apply: "build",
    configResolved(config) {
      file = fileURLToPath(new URL(module, `file://${config.root}/`));
    },
    transformIndexHtml: {
      order: "post",
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return;
        const chunks = Object.values(bundle).filter((output): output is Rollup.OutputChunk => output.type === "chunk");
        const target = chunks.find((chunk) => chunk.facadeModuleId === file || file in chunk.modules);
        if (!target) throw new Error(`weft:preload-chunks-of: no chunk for ${module} (is it still imported with import()?)`);
        const preloaded = new Set([entry.fileName, ...entry.imports]);
        const wanted: string[] = [];
        const visit = (name: string) => {
          if (preloaded.has(name)) return;
          preloaded.add(name);
          wanted.push(name);
          for (const next of (bundle[name] as Rollup.OutputChunk).imports) visit(next);
        };
        visit(target.fileName);
        return wanted.map((name) => ({ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `./${name}` }, injectTo: "head" as const }));
      },
    },
  };
}
