import type { Control } from "../controls/control.ts";
import { Page } from "../page/page.ts";
import type { AppMain, Session } from "../session/session.ts";
import { applyMerge } from "./applyMerge.ts";
import type { BuildContext, SavedState } from "./buildContext.ts";
import { isComponentControl } from "./components.ts";
import { Generation } from "./generation.ts";
import { misboundControl } from "./misbound.ts";
import { isPromise, withBudget } from "./promises.ts";
import { noteStopped, type SwapReport } from "./report.ts";
import { runInSession } from "../session/sessionContext.ts";
import { runContext } from "./runContext.ts";
import { restoreControl } from "./savedState.ts";
import { snapshotBuild } from "./snapshot.ts";
import type { SwapContext } from "./swapContext.ts";

/** Which live control each construction of the new main gets back. */
export interface BindPlan {
  /** The run the ordinals refer to: the old build's log (fast path) or the probe's. */
  expected: readonly Control[];
  /** Construction ordinal → the live control to hand back. */
  reuse: ReadonlyMap<number, Control>;
  /** Check afterwards that the ordinals matched the right controls (the fast path: see misbound.ts). */
  verify: boolean;
  /** What the new main built in the session swapped before (its constructions share creation sites). */
  siteTemplate?: readonly Control[];
}

export type BindOutcome = { ok: true; log: readonly Control[] } | { ok: false; reason: string; error?: unknown };

/**
 * The new main on the live page, handing back live controls (see `BuildMode` "bind"), then the
 * three-way merge of each. When it gives up (main threw, built other things than expected, the
 * check failed) every control is put back as it was and nothing was sent. `rebuilt` collects
 * component instances whose props main changed (they re-render).
 */
export async function bindMain(ctx: SwapContext, session: Session, next: AppMain, plan: BindPlan, report: SwapReport, rebuilt: Set<Control>): Promise<BindOutcome> {
  const state = ctx.builds.get(session)!;
  const live = session.page;
  session.flush(); // from here, every control's props are what the browser shows
  const saved = new Map<Control, SavedState>();
  const expectedKey = plan.verify ? (c: Control) => state.base.get(c)?.props.key ?? c._p.key : undefined;
  const build: BuildContext = {
    mode: "bind",
    log: [],
    closed: false,
    probeLog: plan.expected,
    reuse: plan.reuse,
    saved,
    familyOf: ctx.familyOf,
    sameFamily: (a, b) => ctx.registry.sameFamily(a, b),
    ...(expectedKey ? { expectedKey } : {}),
    ...(plan.siteTemplate ? { siteTemplate: plan.siteTemplate } : {}),
  };
  const gen = new Generation(`main of session ${session.id}`);
  let holding = false;
  const giveUp = (reason: string, error?: unknown): BindOutcome => {
    build.closed = true;
    for (const [control, s] of saved) restoreControl(control, s);
    gen.abort("swap abandoned");
    if (holding) session.release();
    return { ok: false, reason, ...(error !== undefined ? { error } : {}) };
  };
  let page: Page | undefined;
  let result: unknown;
  try {
    result = runInSession(session, () => runContext.run({ gen, build }, () => {
      page = new Page(session, live.route);
      const store = saved.get(live)?.fields.session;
      if (store instanceof Map) (page as { session: Map<string, unknown> }).session = store as Map<string, unknown>;
      if (page !== live) return undefined;
      ctx.seams.install(session, page);
      return next(page);
    }));
  } catch (err) {
    return giveUp("main threw", err);
  }
  if (page !== live) return giveUp("the page could not be rebuilt in place");
  if (isPromise(result)) {
    // main awaits: hold the browser's events until the page is whole again.
    session.hold();
    holding = true;
    try {
      await withBudget(result, ctx.budgetMs);
    } catch (err) {
      return giveUp("main threw", err);
    }
  }
  build.closed = true;
  if (!build.diverged && build.log.length !== plan.expected.length) {
    build.diverged = `it built ${build.log.length} controls, the old build ${plan.expected.length}`;
  }
  if (build.diverged) return giveUp(build.diverged);

  const nextBase = snapshotBuild(live, build.log);
  if (plan.verify) {
    const misbound = misboundControl(state.base, nextBase, saved, ctx.familyOf);
    if (misbound) return giveUp(misbound);
  }
  for (const [control, before] of saved) {
    const base = state.base.get(control);
    if (!base) continue; // paired from the log without a record: leave what the new code built
    const outcome = applyMerge(control, before, base, report);
    report.added += outcome.added;
    report.removed += outcome.removed;
    // A component main built again re-renders only when its props changed (or its function did).
    if (isComponentControl(control) && !shallowEqual(before.fields.props, control.props)) rebuilt.add(control);
  }
  noteStopped(report, state.gen.abort("replaced by a swap"));
  ctx.builds.set(session, { base: nextBase, root: live, log: build.log, gen, pending: false, code: next });
  report.sessions.kept++;
  session.flush();
  if (holding) session.release();
  return { ok: true, log: build.log };
}

function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
