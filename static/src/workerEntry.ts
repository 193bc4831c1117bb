import type { Plugin } from "vite";

/** The id of the module a static build's worker starts from. */
export const WORKER_ENTRY = "virtual:weft-worker";
const RESOLVED = "\0" + WORKER_ENTRY;

export interface WorkerEntryOptions {
  /** The app module, absolute. */
  app: string;
  /** The site's base path: names the app's pubsub channel, so apps on one origin stay apart. */
  base: string;
}

/**
 * The worker's entry, generated: it imports the app and hands it to the runtime's worker host
 * (`weft/static`). Both by name and path, so the build's inputs resolve the way the user's own
 * imports of `weft` do.
 */
export function workerEntrySource(options: WorkerEntryOptions): string {
  return [
    `import * as app from ${JSON.stringify(options.app)};`,
    `import { startStaticApp } from "weft/static";`,
    `startStaticApp(app, { pubsubChannel: ${JSON.stringify(`weft:pubsub:${options.base}`)} });`,
    "",
  ].join("\n");
}

export function workerEntryPlugin(options: WorkerEntryOptions): Plugin {
  return {
    name: "weft:worker-entry",
    resolveId: (id) => (id === WORKER_ENTRY ? RESOLVED : null),
    load: (id) => (id === RESOLVED ? workerEntrySource(options) : null),
  };
}
