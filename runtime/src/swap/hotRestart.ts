import { Page } from "../page/page.ts";
import type { AppMain, Session } from "../session/session.ts";
import type { BuildContext } from "./buildContext.ts";
import { Generation } from "./generation.ts";
import { noteStopped, type SwapReport } from "./report.ts";
import { runMain } from "./runMain.ts";
import type { SwapContext } from "./swapContext.ts";

/**
 * Hot restart of one session: main runs afresh on the same page object (so `page.session`, the
 * route and the connection stay) and the browser gets the whole new page (`Session.restart`).
 * What the old run of main left running ends; the report says why.
 */
export function hotRestart(ctx: SwapContext, session: Session, next: AppMain, reason: string, report: SwapReport): void {
  const previous = ctx.builds.get(session);
  if (previous) noteStopped(report, previous.gen.abort("hot restart"));
  ctx.builds.delete(session);
  report.sessions.restarted++;
  report.restarts.push({ sessionId: session.id, reason });
  const live = session.page;
  const store = live.session;
  const route = live.route;
  session.restart((page) => {
    // The first construction (the page) hands back the live page, emptied: see BuildMode "restart".
    const build: BuildContext = { mode: "restart", log: [], closed: false, page: live };
    return runMain(ctx, session, page, () => {
      const rebuilt = new Page(session, route);
      (rebuilt as { session: Map<string, unknown> }).session = store;
      return next(rebuilt);
    }, build, new Generation(`main of session ${session.id}`), next);
  });
}
