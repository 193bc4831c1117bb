import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { relative } from "node:path";
import type { Plugin } from "vite";

/** Where a module that a browser lacks is imported, and through which chain from the app. */
export interface BrowserImport {
  /** What was imported: `node:fs`, `net`, a `.node` binary. */
  module: string;
  /** The importing file and the line and column of the import. */
  file: string;
  line: number;
  column: number;
  /** The importers from the app's entry down to `file`, when the import is deep in a package. */
  chain: string[];
}

/**
 * A static build runs the app in the browser: an import the browser cannot satisfy fails here,
 * at build time, with the importing file:line, instead of at run time (Vite's own answer is a
 * warning and a stub that throws in the browser). Flags Node's built-in modules (`node:fs`,
 * `fs`, `net`, `child_process`…) and native addons (`.node` binaries, and packages built by
 * node-gyp). Everything flagged before the build stops is collected in `found`.
 */
export function browserOnlyPlugin(found: BrowserImport[]): Plugin {
  const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
  /** Who first imported each module: the way back from a forbidden import to the app. */
  const parents = new Map<string, string>();
  const chainOf = (id: string) => importChain(id, parents);
  const record = (module: string, importer: string | undefined) => {
    const file = importer ? cleanId(importer) : "";
    const at = file ? locateImport(file, module) : { line: 1, column: 1 };
    const entry: BrowserImport = { module, file, ...at, chain: file ? chainOf(importer!) : [] };
    found.push(entry);
    return entry;
  };
  return {
    name: "weft:browser-only",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (source.startsWith("\0")) return null;
      if (builtins.has(source) || (source.startsWith("node:") && !source.startsWith("node:/")) || source.endsWith(".node")) {
        this.error(describeBrowserImport(record(source, importer)));
      }
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      if (importer && !parents.has(resolved.id)) parents.set(resolved.id, importer);
      // A package built by node-gyp (a native addon) resolves to its JavaScript wrapper:
      // catch it by its package.json, before the wrapper's own `require("bindings")`.
      if (isBare(source) && isNativePackage(resolved.id)) {
        this.error(describeBrowserImport(record(`${packageName(source)} (a native addon)`, importer)));
      }
      return resolved;
    },
  };
}

/** The message a user sees: what, where (relative to `cwd`), and what to do. */
export function describeBrowserImport(hit: BrowserImport, cwd: string = process.cwd()): string {
  const shown = (file: string) => relative(cwd, file) || file;
  const where = hit.file ? `${shown(hit.file)}:${hit.line}:${hit.column}` : "the app";
  const through = hit.chain.length > 1 ? `\n  imported through ${hit.chain.map(shown).join(" → ")}` : "";
  return (
    `${where} imports '${hit.module}', which a browser does not have.${through}\n` +
    `  A static build runs the app inside the browser: keep Node-only work (files, sockets, processes, native addons) ` +
    `on a server (weft run), or import a browser version of the package.`
  );
}

function cleanId(id: string): string {
  return id.split("?")[0]!.replace(/^\0/, "");
}

function isBare(source: string): boolean {
  return !source.startsWith(".") && !source.startsWith("/") && !source.startsWith("\0") && !/^[a-zA-Z]:/.test(source) && !source.includes(":");
}

function packageName(source: string): string {
  const parts = source.split("/");
  return source.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** The line and column of the import of `module` in `file` (1-based); the first line if not found. */
function locateImport(file: string, module: string): { line: number; column: number } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { line: 1, column: 1 };
  }
  const quoted = new RegExp(`(["'\`])${escapeRegExp(module)}\\1`);
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const match = quoted.exec(lines[i]!);
    if (match) return { line: i + 1, column: match.index + 1 };
  }
  return { line: 1, column: 1 };
}

/** From the app's entry down to `id`, by who first imported each module. */
function importChain(id: string, parents: ReadonlyMap<string, string>): string[] {
  const chain = [cleanId(id)];
  let current = parents.get(id);
  while (current && !current.startsWith("\0") && chain.length < 20 && !chain.includes(cleanId(current))) {
    chain.unshift(cleanId(current));
    current = parents.get(current);
  }
  return chain;
}

const nativeCache = new Map<string, boolean>();

/** A package whose package.json says it is built by node-gyp, or that loads its binary through `bindings`/`node-gyp-build`. */
function isNativePackage(resolvedId: string): boolean {
  const id = cleanId(resolvedId);
  const at = id.lastIndexOf("/node_modules/");
  if (at < 0) return false;
  const rest = id.slice(at + "/node_modules/".length).split("/");
  const dir = id.slice(0, at) + "/node_modules/" + (rest[0]!.startsWith("@") ? rest.slice(0, 2).join("/") : rest[0]);
  let native = nativeCache.get(dir);
  if (native === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(`${dir}/package.json`, "utf8")) as { gypfile?: boolean; dependencies?: Record<string, string>; binary?: unknown };
      const deps = pkg.dependencies ?? {};
      native = pkg.gypfile === true || pkg.binary !== undefined || "bindings" in deps || "node-gyp-build" in deps || "prebuild-install" in deps || "node-addon-api" in deps;
    } catch {
      native = false;
    }
    nativeCache.set(dir, native);
  }
  return native;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
