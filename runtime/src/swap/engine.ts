import { setConstructionHook, type Control } from "../controls/control.ts";
import { hook } from "../hook.ts";
import type { Page } from "../page/page.ts";
import type { AppMain, Session } from "../session/session.ts";
import { countRestartedComponents, noteComponents, refreshComponents, tryChangedComponents, type ComponentTally } from "./components.ts";
import { swapConstructionHook } from "./constructionHook.ts";
import type { Stopped } from "./generation.ts";
import { hotRestart } from "./hotRestart.ts";
import { ModuleGenerations } from "./moduleGenerations.ts";
import { PageSeams } from "./pageSeams.ts";
import { SwapRegistry, type RegistryCommit } from "./registry.ts";
import { yieldToEvents } from "./promises.ts";
import { RenderSites } from "./renderSites.ts";
import { createReport, noteStopped, type SwapReport } from "./report.ts";
import type { RunContext } from "./runContext.ts";
import { runMain } from "./runMain.ts";
import { SessionBuilds } from "./sessionBuild.ts";
import { swapSession, type SiteTemplate } from "./sessionSwap.ts";
import { SwapBuildError, errorMessage } from "./swapBuildError.ts";
import type { SwapContext } from "./swapContext.ts";
import { installTimerTracking } from "./timerTracking.ts";

/**
 * Hot swap into live sessions (docs/hot-swap.md). The devserver hands the engine each new
 * version of the app's `main`; the engine puts it into every live session so that the session
 * keeps what the user did and runs the new code. The steps, one file each:
 *
 * - registry.ts: every version of a class or component is one family; a commit gives old
 *   prototypes the new members and component objects their new function.
 * - sessionSwap.ts: per session, the fast path (bindMain.ts, one run of the new main handing
 *   back live controls, checked by misbound.ts) or the probe path (probe.ts, then align.ts, then
 *   bindMain.ts); applyMerge.ts merges each live control three-way.
 * - hotRestart.ts: when a swap is not safe, main runs afresh on the same page.
 * - components.ts: components re-render with their new functions, keeping or resetting hooks.
 * - runMain.ts, runContext.ts, generation.ts, timerTracking.ts, pageSeams.ts: what a run of
 *   main (or a module's top level) starts belongs to it and ends with it.
 */
export interface SwapEngineOptions {
  /** How long a probe or bind waits for an async `main`. Default 2000 ms. */
  asyncBudgetMs?: number;
  /** Silences the app's output while the probe runs (it runs main once more than the user sees). */
  mute?: (muted: boolean) => void;
  /**
   * The registry the transformed modules register with, when several engines share one module
   * graph (`weft dev server.ts`: one engine per mounted app). Default: one of its own.
   */
  registry?: SwapRegistry;
}

export interface SwapInput {
  /** Changed files, as the report should name them. */
  files: string[];
  /** Hot-restart every session instead of swapping, for this reason (unsafe module code). */
  restartReason?: string;
  /** What starts afresh besides the controls (main's plain locals…), for the report. */
  reset?: { what: string; why: string }[];
  /**
   * Modules that ran again only because they import a changed module that exports nothing but
   * components and classes (a refresh boundary): their own components need no re-render.
   */
  quietFiles?: readonly string[];
  /**
   * The registry's commit of this import, made by the caller when several engines swap one
   * import (each refreshes its own sessions with it). The caller then owns `undo()`: the engine
   * never undoes it, and throws `SwapBuildError` when its first session cannot be built.
   */
  commit?: RegistryCommit;
}

/** How long the swap of the sessions after the first goes on before it lets waiting input in. */
const YIELD_EVERY_MS = 4;

export class SwapEngine {
  readonly registry: SwapRegistry;
  /** The `main` to give the server: runs the current code, recording what it builds. */
  readonly main: AppMain;
  private current: AppMain;
  private readonly ctx: SwapContext;
  private readonly modules = new ModuleGenerations();
  /** Sessions this engine's `main` started: another engine's (another mounted app) are not its to swap. */
  private readonly owned = new WeakSet<Session>();
  private nextReportId = 1;
  private readonly uninstall: (() => void)[] = [];

  constructor(initial: AppMain, options: SwapEngineOptions = {}) {
    this.current = initial;
    const registry = (this.registry = options.registry ?? new SwapRegistry());
    this.ctx = {
      registry,
      builds: new SessionBuilds(),
      seams: new PageSeams(),
      budgetMs: options.asyncBudgetMs ?? 2000,
      mute: options.mute ?? (() => {}),
      familyOf: (c: Control) => registry.familyOf(c.constructor),
    };
    this.main = (page: Page) => {
      this.owned.add(page._session);
      return runMain(this.ctx, page._session, page, this.current, { mode: "record", log: [page, ...page.views, page.window], closed: false });
    };
    const previousHook = setConstructionHook(swapConstructionHook);
    this.uninstall.push(() => setConstructionHook(previousHook));
    this.uninstall.push(installTimerTracking());
  }

  /** The code serving new sessions now. */
  get currentMain(): AppMain {
    return this.current;
  }

  /** Live sessions that run this engine's code. */
  sessions(): Session[] {
    return [...hook.sessions].filter((s) => s.state !== "closed" && this.owned.has(s) && (this.ctx.builds.has(s) || s.crashed !== null));
  }

  /**
   * Where module `id`'s top level runs during an import: timers it starts (a `setInterval` at
   * the top of the module) end when the next version of that module takes over.
   */
  importContext(id = "module"): RunContext {
    return this.modules.contextFor(id);
  }

  /**
   * The modules of the last import take over from the ones they replace: timers the old versions
   * started at their top level stop. Done by every swap; called by itself when an import swaps
   * no app of this engine (another engine's app changed). Returns how many timers stopped.
   */
  takeModuleGeneration(report?: SwapReport): number {
    const stopped = this.modules.take();
    if (report) noteStopped(report, stopped);
    return stopped.timers;
  }

  /** The import failed or its build threw: the new versions' registrations and timers go. */
  discard(): void {
    this.registry.discard();
    this.modules.discard("this version of the module was not taken");
  }

  /**
   * Swaps `next` into every live session. Throws `SwapBuildError`, changing nothing, if the new
   * code throws while building the first session's page.
   *
   * The first healthy session is the test run: until it is swapped nothing global (class
   * members, component functions) has changed, so its failure leaves the old code whole. Once
   * it is swapped the new code serves every session: each other session holds its input until
   * its own swap, done right after, one by one with the event loop let in between, and at once
   * for a session whose input is waiting. So the first tab shows the new code, and every tab's
   * next click runs it, after one session's work, not fifty (`report.activeMs`); the promise
   * resolves once every session is swapped.
   */
  async swap(next: AppMain, input: SwapInput): Promise<SwapReport> {
    const t0 = performance.now();
    const ctx = this.ctx;
    const report = createReport(this.nextReportId++, input.files);
    for (const item of input.reset ?? []) report.reset.push(item);
    const rebased = input.commit ? input.commit.rebased : this.registry.rebasedClasses();
    const restartAll = input.restartReason ?? (rebased.length > 0 ? `${rebased.join("; ")}: instances made by the old code cannot take the new class` : undefined);

    const healthy: Session[] = [];
    const restarts: { session: Session; reason: string }[] = [];
    for (const session of this.sessions()) {
      const state = ctx.builds.get(session);
      if (restartAll) restarts.push({ session, reason: restartAll });
      else if (session.crashed !== null || !state) restarts.push({ session, reason: "its main had crashed" });
      else if (state.pending) restarts.push({ session, reason: "its async main had not finished (it keeps running; use page.runTask for work that never ends)" });
      else healthy.push(session);
    }

    // Class members and component functions first: a reused control keeps its prototype (now
    // with the new members) instead of being moved to the new class's, which would cost V8 its
    // fast path on every object of every swap. If the first session cannot be built, undo.
    const quiet = new Set(input.quietFiles ?? []);
    const commit = input.commit ?? this.registry.commit({ quiet: (file) => quiet.has(file) });
    const undo = () => {
      if (!input.commit) commit.undo();
    };
    // A component's new function that throws is refused like a main that throws: tried on every
    // instance before any session is touched.
    ctx.mute(true);
    const failure = tryChangedComponents(healthy, commit);
    ctx.mute(false);
    if (failure) {
      undo();
      throw new SwapBuildError(failure.error, failure.session.id, `rendering ${failure.component.componentName}`);
    }
    for (const id of commit.classes) report.classes.push(id.slice(id.lastIndexOf("/") + 1).replace("#", ": "));
    for (const field of commit.staticsKept) report.fieldsKept.push({ control: `static ${field.slice(0, field.indexOf("."))}`, field: field.slice(field.indexOf(".") + 1) });
    const rebuilt = new Set<Control>();
    const template: SiteTemplate = {};
    const renderSites = new RenderSites(ctx.familyOf);
    const tally: ComponentTally = new Map();
    const restarted = new Set<Session>();
    const restart = (session: Session, reason: string) => {
      restarted.add(session);
      hotRestart(ctx, session, next, reason, report);
    };
    const [test, ...others] = healthy;
    // Every other session's input waits from now on: its next event must meet the new code.
    // If the test fails, they go on with the old code as if nothing happened.
    const waiting = new Map<Session, Promise<void>>();
    const swapOther = (session: Session): Promise<void> => {
      let swapped = waiting.get(session);
      if (!swapped) {
        swapped = this.swapKept(session, next, report, rebuilt, { template, renderSites }, commit, tally, restart).finally(() => session.release());
        waiting.set(session, swapped);
      }
      return swapped;
    };
    for (const session of others) session.hold(() => void swapOther(session));
    if (test && test.state !== "closed") {
      let why: string | undefined;
      try {
        why = await swapSession(ctx, test, next, report, rebuilt, template);
      } catch (err) {
        undo(); // nothing else has changed: the old code keeps serving
        for (const session of others) session.release();
        throw err;
      }
      if (why) restart(test, why);
      else refreshComponents(test, commit, rebuilt, tally, renderSites);
    }
    // The new code is in: new sessions get it, every waiting session's next event too.
    this.current = next;
    this.takeModuleGeneration(report);
    report.activeMs = performance.now() - t0;
    for (const { session, reason } of restarts) if (session.state !== "closed") restart(session, reason);
    // The others, one by one, letting the event loop in every few milliseconds: a session whose
    // input is waiting is swapped at once (its `hold` callback), the rest in order.
    let yielded = performance.now();
    for (const session of others) {
      await swapOther(session);
      if (performance.now() - yielded < YIELD_EVERY_MS) continue;
      await yieldToEvents();
      yielded = performance.now();
    }
    // A tab that opened while an async main was being swapped got the old code.
    for (const session of this.sessions()) {
      const build = ctx.builds.get(session);
      if (build && build.code !== next && !restarted.has(session)) restart(session, "it opened during the swap");
    }
    for (const session of restarted) countRestartedComponents(session, commit, tally);
    noteComponents(report, tally);
    report.outcome = restartAll !== undefined || (report.sessions.restarted > 0 && report.sessions.kept === 0) ? "restarted" : report.sessions.restarted > 0 ? "mixed" : "swapped";
    if (restartAll !== undefined && report.restarts.length === 0) report.restarts.push({ sessionId: "", reason: restartAll });
    report.ms = performance.now() - t0;
    report.at = Date.now();
    return report;
  }

  /** One session after the test: swapped, its components refreshed; hot-restarted if its build fails. */
  private async swapKept(
    session: Session,
    next: AppMain,
    report: SwapReport,
    rebuilt: Set<Control>,
    sites: { template: SiteTemplate; renderSites: RenderSites },
    commit: RegistryCommit,
    tally: ComponentTally,
    restart: (session: Session, reason: string) => void,
  ): Promise<void> {
    if (session.state === "closed") return;
    let why: string | undefined;
    try {
      why = await swapSession(this.ctx, session, next, report, rebuilt, sites.template);
    } catch (err) {
      why = `the new code threw while building its page (${errorMessage(err)})`;
    }
    if (why) restart(session, why);
    else refreshComponents(session, commit, rebuilt, tally, sites.renderSites);
  }

  /** Modules the app no longer imports: the timers their top level started end. Returns what stopped. */
  dropModules(ids: readonly string[]): Stopped {
    return this.modules.drop(ids);
  }

  /** Uninstalls the construction hook and timer tracking; ends what the engine tracked. */
  dispose(): void {
    for (const undo of this.uninstall.splice(0).reverse()) undo();
    this.modules.dispose("devserver stopped");
    for (const session of hook.sessions) this.ctx.builds.get(session)?.gen.abort("devserver stopped");
  }
}


