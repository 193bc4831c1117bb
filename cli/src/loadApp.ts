import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { AppMain } from "weft";
import { UsageError } from "./args.ts";

/** Imports an app module and returns its `main`, or a usage error that says what is wrong. */
export async function loadApp(file: string): Promise<{ main: AppMain; path: string }> {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`no app at ${path}`);
  const mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
  if (typeof mod.default !== "function") {
    throw new UsageError(`${file} has no default export: an app exports \`default function main(page: Page)\``);
  }
  return { main: mod.default as AppMain, path };
}
