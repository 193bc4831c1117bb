import type { WeftServer } from "weft/server";
import type { ViewPlan } from "weft/desktop";
import { stringFlag, UsageError, type ParsedArgs } from "./args.ts";

/**
 * `--view`, planned before the server starts: a bad value or no browser is a usage error (exit 2).
 * The default view (`web`) needs nothing of weft/desktop (a browser finder, an opener, a window
 * launcher, their packages), so `weft run` without `--view` does not load it.
 */
export async function viewFromArgs(args: ParsedArgs): Promise<ViewPlan> {
  const value = stringFlag(args, "view");
  if (value === undefined || value === "web") return { view: "web" };
  const { BrowserNotFoundError, parseView, planView } = await import("weft/desktop");
  try {
    const view = parseView(value);
    if (view === "desktop" && args.flags.has("host")) {
      throw new UsageError("--host does not go with --view desktop: the window's server listens on 127.0.0.1 only, for its window", true);
    }
    return planView(view);
  } catch (err) {
    if (err instanceof BrowserNotFoundError || err instanceof TypeError) throw new UsageError(err.message, err instanceof TypeError);
    throw err;
  }
}

/**
 * weft/desktop's `showApp`, loaded only for a view that needs it: the `web` view prints the URL
 * and waits, as `showApp` does for it.
 */
export async function showView(plan: ViewPlan, server: WeftServer, options: { app: string; stopped: Promise<unknown> }): Promise<void> {
  if (plan.view !== "web") {
    const { showApp } = await import("weft/desktop");
    return showApp(plan, server, options);
  }
  console.log(`App: ${server.url}`);
  await options.stopped;
}
