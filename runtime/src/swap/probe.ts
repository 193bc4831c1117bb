import type { Control } from "../controls/control.ts";
import { Page } from "../page/page.ts";
import type { AppMain, Session } from "../session/session.ts";
import type { BuildContext } from "./buildContext.ts";
import { SwapBuildError } from "./swapBuildError.ts";
import { Generation } from "./generation.ts";
import { isPromise, withBudget } from "./promises.ts";
import { runInSession } from "../session/sessionContext.ts";
import { runContext } from "./runContext.ts";
import type { SwapContext } from "./swapContext.ts";

/** What the new main built on a throwaway page, in construction order. */
export interface Probe {
  page: Page;
  log: Control[];
}

/**
 * The probe path's first run: the new main on a throwaway page (with the session's store and
 * route), so its tree can be matched with the old build before anything live is touched.
 * Nothing it starts survives (its generation ends), and its output is muted. Throws
 * `SwapBuildError` if the new main throws.
 */
export async function probeMain(ctx: SwapContext, session: Session, next: AppMain): Promise<Probe> {
  const live = session.page;
  const build: BuildContext = { mode: "probe", log: [], closed: false };
  const gen = new Generation(`probe of session ${session.id}`);
  let page!: Page;
  let result: unknown;
  const fail = (err: unknown): never => {
    build.closed = true;
    gen.abort("probe threw");
    throw new SwapBuildError(err, session.id);
  };
  ctx.mute(true);
  try {
    result = runInSession(session, () => runContext.run({ gen, build }, () => {
      page = new Page(session, live.route);
      (page as { session: Map<string, unknown> }).session = live.session;
      ctx.seams.installProbe(session, page);
      return next(page);
    }));
  } catch (err) {
    fail(err);
  } finally {
    ctx.mute(false);
  }
  if (isPromise(result)) {
    try {
      await withBudget(result, ctx.budgetMs);
    } catch (err) {
      fail(err);
    }
  }
  build.closed = true;
  gen.abort("probe finished");
  return { page, log: build.log };
}
