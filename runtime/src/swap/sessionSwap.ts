import type { Control } from "../controls/control.ts";
import type { AppMain, Session } from "../session/session.ts";
import { alignBuilds } from "./align.ts";
import { bindMain } from "./bindMain.ts";
import { probeMain } from "./probe.ts";
import type { SwapReport } from "./report.ts";
import { SwapBuildError, errorMessage } from "./swapBuildError.ts";
import type { SwapContext } from "./swapContext.ts";

/**
 * The new constructions of the first session swapped on the fast path, for the others' creation
 * sites (see `BuildContext.siteTemplate`), and the kinds its old build made, construction by
 * construction: only a session whose old build made the same kinds in the same order (the
 * sessions' trees agree) takes them, so a session showing other data never gets another line.
 */
export interface SiteTemplate {
  log?: readonly Control[];
  kinds?: readonly object[];
}

/**
 * Swaps the new main into one session. Fast path: the new main runs once, its k-th
 * construction taking the control the old code's k-th construction made, accepted when it built
 * the same kinds in the same order and each control under the same parent, in the same order (a
 * handler or a prop edited: the common save). Otherwise the probe path: a throwaway run, matched
 * with the old build by structure (keys, classes, equal props), then the run on the live page.
 *
 * Returns why the session must be hot-restarted instead, or undefined. Throws `SwapBuildError`
 * if the new main throws (the session is as it was).
 */
export async function swapSession(ctx: SwapContext, session: Session, next: AppMain, report: SwapReport, rebuilt: Set<Control>, template: SiteTemplate): Promise<string | undefined> {
  const state = ctx.builds.get(session)!;
  const reuse = new Map<number, Control>();
  for (let k = 0; k < state.log.length; k++) reuse.set(k, state.log[k]!);
  const sites = template.log && template.kinds && sameKinds(ctx, state.log, template.kinds) ? template.log : undefined;
  const fast = await bindMain(ctx, session, next, { expected: state.log, reuse, verify: true, ...(sites ? { siteTemplate: sites } : {}) }, report, rebuilt);
  if (fast.ok) {
    if (!template.log) {
      template.log = fast.log;
      template.kinds = state.log.map((c) => ctx.familyOf(c));
    }
    return undefined;
  }
  if (fast.error !== undefined) throw new SwapBuildError(fast.error, session.id);
  report.probed++;
  const probe = await probeMain(ctx, session, next);
  const pairs = alignBuilds({ root: state.root, snapshot: state.base, log: state.log }, { root: probe.page, log: probe.log }, ctx.familyOf);
  const paired = new Map<number, Control>();
  probe.log.forEach((c, k) => {
    const old = pairs.get(c);
    if (old) paired.set(k, old);
  });
  const bound = await bindMain(ctx, session, next, { expected: probe.log, reuse: paired, verify: false }, report, rebuilt);
  if (bound.ok) return undefined;
  if (bound.error !== undefined) return `the new main threw on its second run (${errorMessage(bound.error)})`;
  return `main is not deterministic: ${bound.reason}`;
}

function sameKinds(ctx: SwapContext, log: readonly Control[], kinds: readonly object[]): boolean {
  if (log.length !== kinds.length) return false;
  for (let k = 0; k < log.length; k++) if (ctx.familyOf(log[k]!) !== kinds[k]) return false;
  return true;
}
