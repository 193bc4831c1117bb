import { BrowserNotFoundError, parseView, planView, type ViewPlan } from "weft/desktop";
import { stringFlag, UsageError, type ParsedArgs } from "./args.ts";

/** `--view`, planned before the server starts: a bad value or no browser is a usage error (exit 2). */
export function viewFromArgs(args: ParsedArgs): ViewPlan {
  try {
    const view = parseView(stringFlag(args, "view"));
    if (view === "desktop" && args.flags.has("host")) {
      throw new UsageError("--host does not go with --view desktop: the window's server listens on 127.0.0.1 only, for its window", true);
    }
    return planView(view);
  } catch (err) {
    if (err instanceof BrowserNotFoundError || err instanceof TypeError) throw new UsageError(err.message, err instanceof TypeError);
    throw err;
  }
}
