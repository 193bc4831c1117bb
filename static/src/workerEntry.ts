import type { Plugin } from "vite";

/** The id of the module a static build's worker starts from. */
export const WORKER_ENTRY = "virtual:weft-worker";
const RESOLVED = "\0" + WORKER_ENTRY;
/** The module the worker runs first: it keeps what the page posts until the runtime listens. */
const EARLY = "virtual:weft-worker-early";
const RESOLVED_EARLY = "\0" + EARLY;

/**
 * The page posts `register` as soon as its entry runs, not after the worker said "ready": the
 * worker then builds the first page while the tab's main thread still runs React's script,
 * instead of waiting for that thread to be free to answer "ready". A message to a worker
 * waits in its queue until the worker's script has run, but one that arrives while a module
 * awaits (an app with top-level await) has no listener yet: this module, imported first, holds
 * those, and `release()` hands them to the runtime's listener, in order, once it listens.
 */
const EARLY_SOURCE = [
  "const held = [];",
  "const hold = (event) => { held.push(event.data); };",
  'addEventListener("message", hold);',
  "export function release() {",
  '  removeEventListener("message", hold);',
  '  for (const data of held.splice(0)) dispatchEvent(new MessageEvent("message", { data }));',
  "}",
  "",
].join("\n");

export interface WorkerEntryOptions {
  /** The app module, absolute. */
  app: string;
  /** The site's base path: names the app's pubsub channel, so apps on one origin stay apart. */
  base: string;
}

/**
 * The worker's entry, generated: it imports the app and hands it to the runtime's worker host
 * (`weft/static`), after the module that holds the page's first messages (EARLY_SOURCE). Both by name and path, so the build's inputs resolve the way the user's own
 * imports of `weft` do.
 */
export function workerEntrySource(options: WorkerEntryOptions): string {
  return [
    `import { release } from ${JSON.stringify(EARLY)};`,
    `import * as app from ${JSON.stringify(options.app)};`,
    `import { startStaticApp } from "weft/static";`,
    `startStaticApp(app, { pubsubChannel: ${JSON.stringify(`weft:pubsub:${options.base}`)} });`,
    "release();",
    "",
  ].join("\n");
}

export function workerEntryPlugin(options: WorkerEntryOptions): Plugin {
  return {
    name: "weft:worker-entry",
    resolveId: (id) => (id === WORKER_ENTRY ? RESOLVED : id === EARLY ? RESOLVED_EARLY : null),
    load: (id) => (id === RESOLVED ? workerEntrySource(options) : id === RESOLVED_EARLY ? EARLY_SOURCE : null),
  };
}
