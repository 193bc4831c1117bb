import { transform } from "esbuild";
import type { Plugin } from "vite";

/**
 * Lowers TypeScript's standard decorators (`@control class Task …`, no `experimentalDecorators`)
 * before Vite compiles a module. Vite 8 compiles TypeScript with Oxc, which lowers only the
 * legacy decorators and leaves standard ones in its output, where Node (20 and 22) stops at the
 * `@`: "Invalid or unexpected token". `weft run` loads apps with tsx, whose esbuild lowers them;
 * this plugin makes `weft dev`, `weft dev --static`, `weft build --static` and Vitest do the same
 * with the same esbuild (in a static build the app runs in a browser Worker, where no browser
 * parses decorators yet either).
 *
 * Only modules that have a decorator are touched: esbuild strips their types and lowers the
 * decorators (target ES2022: class fields stay as they are, with define semantics, as tsc
 * emits for that target), and Oxc then compiles what is left, as for any module.
 */
export function standardDecorators(): Plugin {
  return {
    name: "weft:standard-decorators",
    enforce: "pre",
    async transform(code, id) {
      const file = id.split("?")[0]!;
      const lang = /\.([cm]?tsx?)$/.exec(file)?.[1];
      if (!lang || file.includes("/node_modules/") || !DECORATOR.test(code)) return null;
      const result = await transform(code, {
        loader: lang.endsWith("x") ? "tsx" : "ts",
        format: "esm",
        target: "es2022",
        jsx: "preserve",
        sourcemap: "external",
        sourcefile: file,
        tsconfigRaw: { compilerOptions: { experimentalDecorators: false, useDefineForClassFields: true, verbatimModuleSyntax: false } },
      });
      return { code: result.code, map: result.map };
    },
  };
}

/**
 * A decorator before a class or a class member: `@name` (or `@a.b(…)`) at the start of a line, or
 * right before `class`. A rough test on purpose: a false match (an `@` in a comment) only costs
 * one esbuild pass; a miss leaves the decorator to fail in Node.
 */
const DECORATOR = /^\s*@[A-Za-z_$][\w$.]*|@[A-Za-z_$][\w$.]*(\([^)]*\))?\s+(export\s+(default\s+)?)?(abstract\s+)?class\b/m;
