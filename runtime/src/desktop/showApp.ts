import type { WeftServer } from "../server/server.ts";
import { openDesktopApp } from "./desktopApp.ts";
import { findBrowser, type FoundBrowser } from "./findBrowser.ts";
import { openInBrowser } from "./openInBrowser.ts";
import type { AppView } from "./view.ts";
import { createWindowGate, type WindowGate } from "./windowGate.ts";

/** What a view needs before the server starts: for a desktop window, its browser and its gate. */
export interface ViewPlan {
  /**
   * Where the app is shown: "web" (print the URL), "browser" (also open it in the default browser),
   * "desktop" (its own window).
   */
  view: AppView;
  /** For "desktop": the browser that will show the window. */
  browser?: FoundBrowser;
  /** Set for a desktop window: give it to `createWeftServer({ gate })`. */
  gate?: WindowGate;
}

/**
 * Prepares `view`. For a desktop window the browser is found first, so "no browser" is said
 * (`BrowserNotFoundError`) before anything listens.
 */
export function planView(view: AppView): ViewPlan {
  if (view !== "desktop") return { view };
  return { view, browser: findBrowser(), gate: createWindowGate() };
}

/**
 * Shows the served app as planned and resolves when it is done: when `stopped` resolves
 * (SIGINT, SIGTERM), or, for a desktop window, when the user closed the window. The window is
 * gone by then; closing the server (and so every session's `onClose`) is the caller's.
 */
export async function showApp(plan: ViewPlan, server: WeftServer, options: { app: string; stopped: Promise<unknown>; printUrl?: boolean }): Promise<void> {
  if (plan.gate && plan.browser) {
    const window = await openDesktopApp({ server, gate: plan.gate, browser: plan.browser, app: options.app });
    console.log(`Window: ${window.browser.name} (${window.browser.path})`);
    await Promise.race([options.stopped, window.closed]);
    await window.close();
    return;
  }
  if (options.printUrl !== false) console.log(`App: ${server.url}`);
  if (plan.view === "browser") await openInBrowser(server.url);
  await options.stopped;
}
