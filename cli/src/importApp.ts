import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { Plugin } from "esbuild";
import { compileTypeScriptOnImport, typeScriptRegistered } from "./typescript.ts";

/**
 * Imports the app's module for `weft run` and `weft replay`, compiling its TypeScript the
 * cheapest way that keeps its meaning. `alone: false` takes tsx's loader in any case.
 *
 * Node 20 cannot strip types, and a loader that can (tsx's hooks, `module.register`) runs in a
 * thread of its own with its own V8 heap: 20–30 MiB and a few hundred ms for a process whose app
 * is one file. So a TypeScript app that imports only packages and Node's modules is compiled
 * by esbuild (a dependency already, for the dev server) into one ES module written beside it,
 * imported, and removed again. Its source map is inline and source maps are on, so a stack
 * points at the app's own file and line, as with tsx. An app that needs TypeScript's module
 * resolution (a relative import of another `.ts` file, a tsconfig `paths` alias, an `import()`
 * whose target only a loader could compile) or whose folder cannot be written to gets tsx's
 * loader, as before. The one difference a user can see: `import.meta.url` of the compiled app
 * names the file weft wrote (in the same folder, so `new URL("./data.json", import.meta.url)`
 * resolves as before).
 */
export async function importApp(path: string, options: { alone?: boolean } = {}): Promise<unknown> {
  if (!/\.[cm]?tsx?$/.test(path)) return import(pathToFileURL(path).href);
  if (options.alone !== false && !typeScriptRegistered() && !path.endsWith(".cts")) {
    const compiled = await compileAlone(path);
    if (compiled !== undefined) {
      const written = writeBeside(path, compiled);
      if (written) {
        process.setSourceMapsEnabled(true);
        try {
          return await import(pathToFileURL(written).href);
        } finally {
          rmSync(written, { force: true });
        }
      }
    }
  }
  await compileTypeScriptOnImport();
  return import(pathToFileURL(path).href);
}

/**
 * The app compiled to one ES module, or undefined when it needs a loader (see `importApp`).
 * Every import stays an import; esbuild's resolver (which reads the app's tsconfig) only says
 * where each one leads. A syntax error is thrown as esbuild reports it (file, line, column).
 */
async function compileAlone(path: string): Promise<string | undefined> {
  // Required, not imported: an ES import of a CommonJS package has Node lex its source (esbuild's
  // is 100 KB) for named exports, tens of ms of `weft run`'s start-up.
  const esbuild = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
  let needsLoader = false;
  const probe = "weft-probe";
  const imports: Plugin = {
    name: "weft-app-imports",
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === "entry-point" || args.pluginData === probe) return undefined;
        const target = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: probe });
        // A package or one of Node's modules loads natively; anything that resolves to a file of
        // the app's own (a relative import, a `paths` alias) is TypeScript only a loader compiles.
        const local = target.errors.length === 0 && !target.external && !target.path.split(sep).includes("node_modules");
        if (local || args.kind === "dynamic-import") needsLoader = true;
        return { path: args.path, external: true };
      });
    },
  };
  try {
    const result = await esbuild.build({
      entryPoints: [path],
      outfile: compiledName(path),
      write: false,
      bundle: true, // for the resolver's view of each import; every import stays external
      treeShaking: false,
      format: "esm",
      platform: "node",
      target: `node${process.versions.node}`,
      sourcemap: "inline",
      logLevel: "silent",
      plugins: [imports],
    });
    const code = result.outputFiles[0]?.text;
    // An `import(expr)` esbuild could not follow: its target may be TypeScript too.
    if (needsLoader || code === undefined || /\bimport\s*\(/.test(code)) return undefined;
    return code;
  } finally {
    await esbuild.stop(); // its service process is not needed again in `weft run`
  }
}

/** `app.ts` → `.app.ts.weft-<pid>.mjs` in the same folder: the relative URLs of `import.meta.url` still hold. */
function compiledName(path: string): string {
  return join(dirname(path), `.${basename(path)}.weft-${process.pid}.mjs`);
}

/** Writes the compiled app beside the app; undefined when the folder cannot be written to. Never overwrites a file. */
function writeBeside(path: string, code: string): string | undefined {
  const file = compiledName(path);
  try {
    writeFileSync(file, code, { flag: "wx" });
    return file;
  } catch {
    return undefined;
  }
}
