import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { describeBrowserImport } from "@weft/static";

const STUB = "\0weft-node-stub:";
const ASYNC_LOCAL_STORAGE = fileURLToPath(new URL("./worker/asyncLocalStorage.ts", import.meta.url));

/**
 * Node's built-in modules in a tab's worker under `weft dev --static`:
 * - imported by the app: an error naming the file and line, as `weft build --static` gives it
 *   (shown in Vite's overlay), since the app could not run in the browser;
 * - imported by weft's own devtools code that the worker loads (the agent's source-location and
 *   console helpers, which the worker never calls): a module with the same export names whose
 *   functions throw if called, so the module graph links;
 * - `node:async_hooks`: a browser AsyncLocalStorage (worker/asyncLocalStorage.ts), which the
 *   swap engine's run context is built on.
 */
export function nodeStubsPlugin(isAppFile: (file: string) => boolean): Plugin {
  const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
  return {
    name: "weft:node-stubs",
    enforce: "pre",
    resolveId(source, importer) {
      if (!builtins.has(source)) return null;
      const name = source.replace(/^node:/, "");
      if (name === "async_hooks") return ASYNC_LOCAL_STORAGE;
      const file = importer?.split("?")[0];
      if (file && isAppFile(file)) {
        this.error(describeBrowserImport({ module: source, file, ...locate(file, source), chain: [] }));
      }
      return STUB + name;
    },
    async load(id) {
      if (!id.startsWith(STUB)) return null;
      const name = id.slice(STUB.length);
      const real = (await import(`node:${name}`)) as Record<string, unknown>;
      const lines = [
        `const unavailable = (what) => function () { throw new Error("node:${name} " + what + " is Node's: it does not exist in the browser (weft dev --static)"); };`,
        // Wrappers that modules call at their top level (\`const gzip = promisify(zlib.gzip)\`):
        // they give back a function that throws when used, so the module still loads.
        `const wrapper = (what) => function () { return unavailable(what); };`,
      ];
      const names: string[] = [];
      for (const [key, value] of Object.entries(real)) {
        if (key === "default" || !/^[A-Za-z_$][\w$]*$/.test(key)) continue;
        const literal =
          typeof value === "string" || typeof value === "number" || typeof value === "boolean"
            ? JSON.stringify(value)
            : typeof value === "function"
              ? `${WRAPPERS.has(key) ? "wrapper" : "unavailable"}(${JSON.stringify(key)})`
              : "{}";
        lines.push(`export const ${key} = ${literal};`);
        names.push(key);
      }
      lines.push(`export default { ${names.join(", ")} };`);
      return lines.join("\n");
    },
  };
}

/** Functions of Node's modules that only wrap another function: modules call them as they load. */
const WRAPPERS = new Set(["promisify", "callbackify", "deprecate", "debuglog", "debug", "inherits", "createRequire"]);

function locate(file: string, module: string): { line: number; column: number } {
  let code = "";
  try {
    code = readFileSync(file, "utf8");
  } catch {
    // gone since: the first line then
  }
  const lines = code.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i]!.indexOf(JSON.stringify(module));
    if (at >= 0) return { line: i + 1, column: at + 1 };
  }
  return { line: 1, column: 1 };
}
