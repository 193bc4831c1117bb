import type { AppMain } from "../session/session.ts";

/**
 * Whether this runtime runs inside the browser (a static build's Web Worker) rather than in a
 * Node process, and the app a browser `run(main)` handed over. Set once by the worker host
 * before any session starts; `page.static` reads it.
 */
let inBrowser = false;
let handedOver: AppMain | undefined;

/** @internal the worker host says where the runtime runs */
export function markStatic(): void {
  inBrowser = true;
}

/** True inside a static build's worker (`page.static`). */
export function isStatic(): boolean {
  return inBrowser;
}

/** @internal what `run(main)` gave in the browser, for a module without a default export */
export function handOver(main: AppMain): void {
  handedOver = main;
}

/** @internal */
export function handedOverMain(): AppMain | undefined {
  return handedOver;
}
