import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { AppMain } from "weft";
import { UsageError } from "./args.ts";
import { codeFrame, locateError } from "./codeFrame.ts";
import { importApp } from "./importApp.ts";

/**
 * Imports an app module and returns its `main`. A file that is missing, does not compile, throws
 * while loading, or has no default export gives a UsageError naming the file and line.
 * `importableAgain`: code that imports the app's path itself afterwards (weft/testing's `replay`)
 * needs Node to import TypeScript from then on, so the app is not compiled alone (importApp.ts).
 */
export async function loadApp(file: string, options: { importableAgain?: boolean } = {}): Promise<{ main: AppMain; path: string }> {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`no app at ${path}`);
  let mod: { default?: unknown };
  const commonJs = commonJsPackage(path);
  try {
    // In a CommonJS package a `.ts` app is refused below, as Node would load it; compiled alone to an `.mjs` it would pass.
    mod = (await importApp(path, { alone: !options.importableAgain && (!commonJs || /\.m[jt]s$/.test(path)) })) as { default?: unknown };
  } catch (err) {
    const loc = locateError(err, path);
    const raw = (err as { errors?: { text: string }[] }).errors?.[0]?.text ?? (err instanceof Error ? err.message : String(err));
    const message = /ERROR: (.*)/.exec(raw)?.[1] ?? raw; // esbuild: "Transform failed … file:4:8: ERROR: <what>"
    const where = loc ? `${relative(process.cwd(), loc.file)}:${loc.line}:${loc.column}` : relative(process.cwd(), path);
    if (commonJs && !/\.m[jt]s$/.test(path)) {
      // Node takes a .ts/.js file of a package without `"type": "module"` for CommonJS (`npm init -y` writes "commonjs").
      throw new UsageError(
        `cannot load the app: ${relative(process.cwd(), path)} is a CommonJS module here (${relative(process.cwd(), commonJs.file) || commonJs.file} has ${commonJs.type ? `"type": "${commonJs.type}"` : 'no "type"'}), and a weft app is an ES module. ` +
          `Set "type": "module" in that package.json (npm pkg set type=module), or name the app ${basename(path).replace(/\.[cm]?[jt]sx?$/, ".mts")}.\n\n(${message})`,
      );
    }
    const frame = loc ? `\n\n${codeFrame(loc)}` : err instanceof Error && err.stack ? `\n\n${err.stack}` : "";
    throw new UsageError(`cannot load the app: ${where}: ${message}${frame}`);
  }
  if (typeof mod.default !== "function") {
    throw new UsageError(`${file} has no default export: an app exports \`default function main(page: Page)\``);
  }
  return { main: mod.default as AppMain, path };
}

/** The nearest package.json above `file` when it does not make `.js`/`.ts` files ES modules. */
function commonJsPackage(file: string): { file: string; type: string | undefined } | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      let type: unknown;
      try {
        type = (JSON.parse(readFileSync(manifest, "utf8")) as { type?: unknown }).type;
      } catch {
        return undefined;
      }
      return type === "module" ? undefined : { file: manifest, type: typeof type === "string" ? type : undefined };
    }
    if (dirname(dir) === dir) return undefined;
  }
}
