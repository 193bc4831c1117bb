import type { Page } from "../page/page.ts";
import type { AppMain, Session } from "../session/session.ts";
import type { BuildContext } from "./buildContext.ts";
import { Generation } from "./generation.ts";
import { runInSession } from "../session/sessionContext.ts";
import { runContext } from "./runContext.ts";
import type { SwapContext } from "./swapContext.ts";

/**
 * Runs `main` on `page` as one generation of the session's code, in `build`'s mode (a first
 * mount records, a hot restart records and keeps the page object), and records what it built.
 * Throws what main throws, after ending the generation. `code` is the version of main it stands
 * for (a hot restart runs a wrapper around it).
 */
export function runMain(ctx: SwapContext, session: Session, page: Page, main: AppMain, build: BuildContext, gen = new Generation(`main of session ${session.id}`), code: AppMain = main): unknown {
  ctx.seams.install(session, page);
  let result: unknown;
  try {
    // The session's code, like a handler's: what it schedules is reported to this session.
    result = runInSession(session, () => runContext.run({ gen, build }, () => main(page)));
  } catch (err) {
    build.closed = true;
    gen.abort("main threw");
    throw err;
  }
  ctx.builds.record(session, build.page ?? page, build, gen, result, code);
  return result;
}
