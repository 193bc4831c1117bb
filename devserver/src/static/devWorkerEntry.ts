import { relative } from "node:path";
import type { Plugin } from "vite";
import { transformForSwap } from "../transform.ts";

export const DEV_WORKER_ENTRY = "virtual:weft-dev-worker";
const RESOLVED = "\0" + DEV_WORKER_ENTRY;

/** The URL a page loads the dev worker from (Vite's form for a virtual module). */
export const DEV_WORKER_URL = "/@id/__x00__" + DEV_WORKER_ENTRY;

export interface DevWorkerEntryOptions {
  /** The app's entry, absolute. */
  entry: string;
  /** What changed files are named relative to, in the report. */
  root: string;
  /** The entry as the swap report names it. */
  label: string;
  token: string;
}

/**
 * The worker's entry under `weft dev --static`, generated: the dev worker host (which installs
 * the swap registry, so it comes first), the app, and the HMR boundary: a save anywhere in the
 * app's module graph reaches this module as a new app module, which the host swaps in. Files
 * outside the app (weft itself) are not the app's: Vite reloads for those.
 */
export function devWorkerEntryPlugin(options: DevWorkerEntryOptions, isAppFile: (file: string) => boolean): Plugin {
  const app = JSON.stringify("/@fs" + (options.entry.startsWith("/") ? "" : "/") + options.entry);
  const source = [
    `import { startDevWorker } from "@weft/devserver/static-worker";`,
    `import * as app from ${app};`,
    `const dev = startDevWorker(app, { token: ${JSON.stringify(options.token)}, entry: ${JSON.stringify(options.label)}, pubsubChannel: "weft:pubsub:dev" });`,
    `let files = [];`,
    `if (import.meta.hot) {`,
    `  import.meta.hot.on("weft:files", (data) => { files = data.files; });`,
    `  import.meta.hot.accept(${app}, (next) => { if (next) void dev.swap(next, files); });`,
    `}`,
    "",
  ].join("\n");
  return {
    name: "weft:dev-worker-entry",
    resolveId: (id) => (id === DEV_WORKER_ENTRY ? RESOLVED : null),
    load: (id) => (id === RESOLVED ? source : null),
    // The saved file, named as the report names it, sent ahead of Vite's update for it.
    hotUpdate(ctx) {
      if (this.environment.name === "client" && isAppFile(ctx.file)) this.environment.hot.send("weft:files", { files: [relative(options.root, ctx.file) || ctx.file] });
    },
    // The same registrations as `weft dev` adds in Node (classes, component identity).
    transform(code, id) {
      const file = id.split("?")[0]!;
      if (!/\.[cm]?[jt]sx?$/.test(file) || !isAppFile(file)) return null;
      const result = transformForSwap(code, file);
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}
