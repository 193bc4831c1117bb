import type { WeftServer } from "weft/server";
import { BrowserNotFoundError, createWindowGate, findBrowser, openDesktopApp, openInBrowser, parseView, type AppView, type FoundBrowser, type WindowGate } from "weft/desktop";
import { stringFlag, UsageError, type ParsedArgs } from "./args.ts";
import { untilSignal } from "./untilSignal.ts";

/** What `--view` needs before the server starts: for a desktop window, its browser and its gate. */
export interface ViewPlan {
  view: AppView;
  browser?: FoundBrowser;
  gate?: WindowGate;
}

/**
 * Reads `--view` and, for a desktop window, finds the browser first: "no browser found" is a
 * usage error (exit 2) before anything listens.
 */
export function planView(args: ParsedArgs): ViewPlan {
  let view: AppView;
  try {
    view = parseView(stringFlag(args, "view"));
  } catch (err) {
    throw new UsageError((err as Error).message, true);
  }
  if (view !== "desktop") return { view };
  try {
    return { view, browser: findBrowser(), gate: createWindowGate() };
  } catch (err) {
    if (err instanceof BrowserNotFoundError) throw new UsageError(err.message);
    throw err;
  }
}

/**
 * Shows the served app as planned and waits: until SIGINT/SIGTERM, or, for a desktop window,
 * until the window is closed (then the window is gone and the caller closes the server).
 */
export async function showUntilDone(plan: ViewPlan, server: WeftServer, app: string, options: { printUrl: boolean }): Promise<void> {
  if (plan.view === "desktop") {
    const window = await openDesktopApp({ server, gate: plan.gate!, browser: plan.browser!, app });
    console.log(`Window: ${window.browser.name} (${window.browser.path})`);
    await Promise.race([untilSignal(), window.closed]);
    await window.close();
    return;
  }
  if (options.printUrl) console.log(`App: ${server.url}`);
  if (plan.view === "browser") await openInBrowser(server.url);
  await untilSignal();
}
