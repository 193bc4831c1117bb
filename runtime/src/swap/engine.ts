import { setConstructionHook, HANDLERS, metaOf, type Control } from "../controls/control.ts";
import { hook } from "../hook.ts";
import { Page } from "../page/page.ts";
import { PROTOCOL_VERSION } from "@weft/protocol";
import type { PubSubHub } from "../pubsub/pubsubHub.ts";
import type { AppMain, Session } from "../session/session.ts";
import { runInSession } from "../session/sessionContext.ts";
import { alignBuilds } from "./align.ts";
import { ownFields, restore, swapConstructionHook, type BuildContext, type SavedState } from "./bind.ts";
import { COMPONENT_KEEP_FIELDS, COMPONENT_KEEP_SLOTS, isComponentControl, refreshComponents } from "./components.ts";
import { Generation, installTimerTracking, runContext, type RunContext } from "./generation.ts";
import { mergeChildren, mergeFields, mergeHandlers, mergeProps } from "./merge.ts";
import { SwapRegistry } from "./registry.ts";
import { createReport, describeControl, noteOnce, notePropKept, notePropTaken, type SwapReport } from "./report.ts";
import { equalValues, snapshotBuild, type BuildSnapshot } from "./snapshot.ts";

/**
 * Hot swap into live sessions (docs/hot-swap.md). The devserver hands the engine each new
 * version of the app's `main`; the engine puts it into every live session so that the session
 * keeps what the user did and runs the new code:
 *
 * 1. probe: the new `main` runs on a throwaway page; its constructions are logged.
 * 2. align: the probe's tree is matched with what the old code built (key, class, position).
 * 3. bind: the new `main` runs again on the live page; each construction the probe matched gets
 *    the live control back (emptied), so closures of the new code point at live objects and
 *    nothing that held a control is left holding a dead one.
 * 4. merge: props, handlers, fields and children, three-way (what the old code built, what the
 *    new code built, what the control holds now); the tree diff sends only what changed.
 *
 * When that is not safe (the second run built other things than the first, a class changed its
 * base class, the module has side effects at its top level, main had crashed) the session is
 * hot-restarted instead: main runs afresh on the same page, the browser stays connected and gets
 * the new page, `page.session` and the route stay. The report says which and why.
 */
export interface SwapEngineOptions {
  /** How long a probe or bind waits for an async `main`. Default 2000 ms. */
  asyncBudgetMs?: number;
  /** Silences the app's output while the probe runs (it runs main once more than the user sees). */
  mute?: (muted: boolean) => void;
}

export interface SwapInput {
  /** Changed files, as the report should name them. */
  files: string[];
  /** Hot-restart every session instead of swapping, for this reason (unsafe module code). */
  restartReason?: string;
  /** What starts afresh besides the controls (main's plain locals…), for the report. */
  reset?: { what: string; why: string }[];
}

/** The new code threw while building a page: nothing was changed, the old code still serves. */
export class SwapBuildError extends Error {
  constructor(
    readonly error: unknown,
    readonly sessionId: string,
  ) {
    super(`the new code threw while building the page of session ${sessionId}: ${error instanceof Error ? error.message : String(error)}`);
    this.name = "SwapBuildError";
  }
}

interface SessionSwapState {
  /** What the current code built for this session, and the order it constructed things in. */
  base: BuildSnapshot;
  root: Page;
  log: Control[];
  /** Tasks, timers and subscriptions of the current code's run of main. */
  gen: Generation;
  /** main returned a promise that has not settled. */
  pending: boolean;
}

interface Probe {
  page: Page;
  log: Control[];
  async: boolean;
}


export class SwapEngine {
  readonly registry = new SwapRegistry();
  /** The `main` to give the server: runs the current code, recording what it builds. */
  readonly main: AppMain;
  private current: AppMain;
  private readonly states = new WeakMap<Session, SessionSwapState>();
  private readonly budgetMs: number;
  private readonly mute: (muted: boolean) => void;
  private moduleGen = new Generation("module", { timeouts: false });
  private pendingModuleGen: Generation | null = null;
  private nextReportId = 1;
  private readonly uninstall: (() => void)[] = [];
  private readonly patchedHubs = new WeakSet<PubSubHub>();

  constructor(initial: AppMain, options: SwapEngineOptions = {}) {
    this.current = initial;
    this.budgetMs = options.asyncBudgetMs ?? 2000;
    this.mute = options.mute ?? (() => {});
    this.main = (page: Page) => this.runMain(page._session, page, this.current, { mode: "record", log: [page, ...page.views, page.window], closed: false });
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
    return [...hook.sessions].filter((s) => s.state !== "closed" && (this.states.has(s) || s.crashed !== null));
  }

  /**
   * Where a module's top level runs during an import: timers it starts (a `setInterval` at the
   * top of the module) end when the next version of the module takes over.
   */
  importContext(): RunContext {
    this.pendingModuleGen ??= new Generation("module", { timeouts: false });
    return { gen: this.pendingModuleGen };
  }

  /** The import failed or its build threw: the new version's registrations and timers go. */
  discard(): void {
    this.registry.discard();
    this.pendingModuleGen?.abort("this version of the module was not taken");
    this.pendingModuleGen = null;
  }

  /**
   * Swaps `next` into every live session (see the class comment). Throws `SwapBuildError`,
   * changing nothing, if the new code throws while building the first session's page.
   *
   * Sessions go one by one, so the first tab shows the new code after one session's work, not
   * fifty. The first healthy session is the test run: until it is swapped nothing global
   * (class members, component functions) has changed, so its failure leaves the old code whole.
   */
  async swap(next: AppMain, input: SwapInput): Promise<SwapReport> {
    const t0 = performance.now();
    const report = createReport(this.nextReportId++, input.files);
    for (const item of input.reset ?? []) report.reset.push(item);
    const rebased = this.registry.rebasedClasses();
    const restartAll = input.restartReason ?? (rebased.length > 0 ? `${rebased.join("; ")}: instances made by the old code cannot take the new class` : undefined);

    const healthy: Session[] = [];
    const restarts: { session: Session; reason: string }[] = [];
    for (const session of this.sessions()) {
      const state = this.states.get(session);
      if (restartAll) restarts.push({ session, reason: restartAll });
      else if (session.crashed !== null || !state) restarts.push({ session, reason: "its main had crashed" });
      else if (state.pending) restarts.push({ session, reason: "its async main had not finished (it keeps running; use page.runTask for work that never ends)" });
      else healthy.push(session);
    }

    // Class members and component functions first: a reused control keeps its prototype (now
    // with the new members) instead of being moved to the new class's, which would cost V8 its
    // fast path on every object of every swap. If the first session cannot be built, undo.
    const commit = this.registry.commit();
    for (const id of commit.classes) report.classes.push(id.slice(id.lastIndexOf("/") + 1).replace("#", ": "));
    const rebuilt = new Set<Control>();
    const done = new Set<Session>();
    let first = true;
    for (const session of healthy) {
      done.add(session);
      if (session.state === "closed") continue;
      let why: string | undefined;
      try {
        why = await this.swapSession(session, next, report, rebuilt);
      } catch (err) {
        if (first) {
          commit.undo(); // nothing else has changed: the old code keeps serving
          throw err;
        }
        why = `the new code threw while building its page (${err instanceof Error ? err.message : String(err)})`;
      }
      first = false;
      if (why) this.restartSession(session, next, why, report);
    }
    for (const { session, reason } of restarts) {
      done.add(session);
      if (session.state !== "closed") this.restartSession(session, next, reason, report);
    }
    this.current = next;
    // A tab that opened while an async main was being swapped got the old code.
    for (const session of this.sessions()) if (!done.has(session)) this.restartSession(session, next, "it opened during the swap", report);
    refreshComponents(this.sessions(), commit, rebuilt, report);
    this.takeModuleGeneration(report);
    report.outcome = restartAll !== undefined || (report.sessions.restarted > 0 && report.sessions.kept === 0) ? "restarted" : report.sessions.restarted > 0 ? "mixed" : "swapped";
    if (restartAll !== undefined && report.restarts.length === 0) report.restarts.push({ sessionId: "", reason: restartAll });
    report.ms = performance.now() - t0;
    report.at = Date.now();
    return report;
  }

  /**
   * One session. Fast path: the new main runs once, its k-th construction taking the control the
   * old code's k-th construction made, accepted when it built the same kinds in the same order
   * and each control under the same parent, in the same order (a handler or a prop edited: the
   * common save). Otherwise the probe path: a throwaway run, matched with the old build by
   * structure (keys, classes, equal props), then the run on the live page. Returns why the
   * session must be hot-restarted instead, or undefined. Throws `SwapBuildError` if the new main
   * throws (the session is as it was).
   */
  private async swapSession(session: Session, next: AppMain, report: SwapReport, rebuilt: Set<Control>): Promise<string | undefined> {
    const state = this.states.get(session)!;
    const fast = await this.bind(session, next, { expected: state.log, reuse: new Map(state.log.map((c, k) => [k, c])), verify: true }, report, rebuilt);
    if (fast.ok) return undefined;
    if (fast.error !== undefined) throw new SwapBuildError(fast.error, session.id);
    report.probed++;
    const probe = await this.probe(session, next);
    const pairs = alignBuilds(
      { root: state.root, snapshot: state.base, log: state.log },
      { root: probe.page, log: probe.log },
      (c) => this.registry.familyOf(c.constructor),
    );
    const reuse = new Map<number, Control>();
    probe.log.forEach((c, k) => {
      const old = pairs.get(c);
      if (old) reuse.set(k, old);
    });
    const bound = await this.bind(session, next, { expected: probe.log, reuse, verify: false }, report, rebuilt);
    if (bound.ok) return undefined;
    if (bound.error !== undefined) return `the new main threw on its second run (${bound.error instanceof Error ? bound.error.message : String(bound.error)})`;
    return `main is not deterministic: ${bound.reason}`;
  }

  /** Uninstalls the construction hook and timer tracking; ends what the engine tracked. */
  dispose(): void {
    for (const undo of this.uninstall.splice(0).reverse()) undo();
    this.moduleGen.abort("devserver stopped");
    this.pendingModuleGen?.abort("devserver stopped");
    for (const session of hook.sessions) this.states.get(session)?.gen.abort("devserver stopped");
  }

  // ------------------------------------------------------------------ running main

  /** Runs main on `page` in `build`'s mode, with a new generation; records what it built. */
  private runMain(session: Session, page: Page, main: AppMain, build: BuildContext, gen = new Generation(`main of session ${session.id}`)): unknown {
    this.installPageSeams(session, page);
    let result: unknown;
    try {
      // The session's code, like a handler's: what it schedules is reported to this session.
      result = runInSession(session, () => runContext.run({ gen, build }, () => main(page)));
    } catch (err) {
      build.closed = true;
      gen.abort("main threw");
      throw err;
    }
    this.record(session, page, build, gen, result);
    return result;
  }

  private record(session: Session, page: Page, build: BuildContext, gen: Generation, result: unknown): void {
    const state: SessionSwapState = { base: snapshotBuild(page, build.log), root: page, log: build.log, gen, pending: isPromise(result) };
    this.states.set(session, state);
    if (!isPromise(result)) {
      build.closed = true;
      return;
    }
    result.then(
      () => {
        build.closed = true;
        if (this.states.get(session) !== state) return;
        state.base = snapshotBuild(page, build.log);
        state.pending = false;
      },
      () => {
        build.closed = true;
        state.pending = false;
      },
    );
  }

  /** The new main on a throwaway page: what it builds, nothing it starts survives. */
  private async probe(session: Session, next: AppMain): Promise<Probe> {
    const live = session.page;
    const build: BuildContext = { mode: "probe", log: [], closed: false };
    const gen = new Generation(`probe of session ${session.id}`);
    let page!: Page;
    let result: unknown;
    this.mute(true);
    try {
      result = runContext.run({ gen, build }, () => {
        page = new Page(session, live.route);
        (page as { session: Map<string, unknown> }).session = live.session;
        this.installProbeSeams(session, page);
        return next(page);
      });
    } catch (err) {
      build.closed = true;
      gen.abort("probe threw");
      throw new SwapBuildError(err, session.id);
    } finally {
      this.mute(false);
    }
    if (isPromise(result)) {
      try {
        await withBudget(result, this.budgetMs);
      } catch (err) {
        build.closed = true;
        gen.abort("probe threw");
        throw new SwapBuildError(err, session.id);
      }
    }
    build.closed = true;
    gen.abort("probe finished");
    return { page, log: build.log, async: isPromise(result) };
  }

  /**
   * The new main on the live page, handing back live controls (see `BuildMode`), then the
   * three-way merge. `expected` is the run the ordinals refer to (the old build's log on the
   * fast path, the probe's on the other), `reuse` which live control each ordinal gets. When it
   * gives up, every control is put back as it was.
   */
  private async bind(
    session: Session,
    next: AppMain,
    plan: { expected: readonly Control[]; reuse: ReadonlyMap<number, Control>; verify: boolean },
    report: SwapReport,
    rebuilt: Set<Control>,
  ): Promise<{ ok: true } | { ok: false; reason: string; error?: unknown }> {
    const state = this.states.get(session)!;
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
      familyOf: (c) => this.registry.familyOf(c.constructor),
      sameFamily: (a, b) => this.registry.sameFamily(a, b),
      ...(expectedKey ? { expectedKey } : {}),
    };
    const gen = new Generation(`main of session ${session.id}`);
    const giveUp = (reason: string, error?: unknown) => {
      build.closed = true;
      for (const [control, s] of saved) restore(control, s);
      gen.abort("swap abandoned");
      this.release(session);
      return { ok: false as const, reason, ...(error !== undefined ? { error } : {}) };
    };
    let page: Page | undefined;
    let result: unknown;
    try {
      result = runContext.run({ gen, build }, () => {
        page = new Page(session, live.route);
        const store = saved.get(live)?.fields.session;
        if (store instanceof Map) (page as { session: Map<string, unknown> }).session = store as Map<string, unknown>;
        if (page !== live) return undefined;
        this.installPageSeams(session, page);
        return next(page);
      });
    } catch (err) {
      return giveUp("main threw", err);
    }
    if (page !== live) return giveUp("the page could not be rebuilt in place");
    if (isPromise(result)) {
      // main awaits: hold the browser's events until the page is whole again.
      session._held ??= [];
      try {
        await withBudget(result, this.budgetMs);
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
      const misbound = misboundControl(state.base, nextBase, saved, (c) => this.registry.familyOf(c.constructor));
      if (misbound) return giveUp(misbound);
    }
    let added = 0;
    let removed = 0;
    for (const [control, before] of saved) {
      const base = state.base.get(control);
      if (!base) continue; // paired from the log without a record: leave what the new code built
      const outcome = this.merge(control, before, base, report);
      added += outcome.added;
      removed += outcome.removed;
      // A component main built again re-renders only when its props changed (or its function did).
      if (isComponentControl(control) && !shallowEqual(before.fields.props, control.props)) rebuilt.add(control);
    }
    report.added += added;
    report.removed += removed;
    const stopped = state.gen.abort("replaced by a swap");
    report.stopped.timers += stopped.timers;
    report.stopped.tasks += stopped.tasks;
    report.stopped.subscriptions += stopped.subscriptions;
    this.states.set(session, { base: nextBase, root: live, log: build.log, gen, pending: false });
    report.sessions.kept++;
    session.flush();
    this.release(session);
    return { ok: true };
  }

  /** Three-way merge of one live control after the bind; tells the tree what changed. */
  private merge(control: Control, before: SavedState, base: NonNullable<ReturnType<BuildSnapshot["get"]>>, report: SwapReport): { added: number; removed: number } {
    const isComponent = isComponentControl(control);
    const props = mergeProps(base.props, control._p, before.p);
    for (const t of props.taken) notePropTaken(report, control, t.prop, t.from, t.to);
    for (const c of props.conflicts) notePropKept(report, control, c.prop, c.kept, c.source);
    const handlers = mergeHandlers(base.handlers, control._h, before.h);
    report.handlersRebound += handlers.rebound;
    for (const event of handlers.keptRuntime) noteOnce(report.handlersKept, { control: describeControl(control), event }, (a, b) => a.event === b.event && a.control === b.control);

    const fields = mergeFields(base.fields, ownFields(control), before.fields, isComponent ? COMPONENT_KEEP_FIELDS : EMPTY_SET);
    for (const [name, value] of fields.values) {
      if ((control as unknown as Record<string, unknown>)[name] !== value) {
        Object.defineProperty(control, name, { value, writable: true, enumerable: true, configurable: true });
      }
    }
    for (const field of fields.conflicts) noteOnce(report.fieldsKept, { control: describeControl(control), field }, (a, b) => a.field === b.field && a.control === b.control);

    let added = 0;
    let removed = 0;
    const dirtySlots = new Set<string>();
    const meta = metaOf(control);
    for (const slot in meta.slots) {
      const kind = meta.slots[slot];
      const liveBefore = kind === "list" ? (before.lists[slot] ?? []) : before.single[slot] ? [before.single[slot]!] : [];
      const built = [...control._children(slot)];
      let children: Control[];
      if (isComponent && COMPONENT_KEEP_SLOTS.has(slot)) {
        children = liveBefore;
      } else {
        const merged = mergeChildren(base.slots[slot] ?? [], built, liveBefore);
        children = merged.children;
        added += merged.added.length;
        removed += merged.removed.length;
        report.runtimeKept += merged.runtime;
      }
      if (kind === "list") {
        const raw = control._lists[slot];
        if (raw) raw.splice(0, raw.length, ...children);
        else if (children.length > 0) (control as unknown as Record<string, Control[]>)[slot] = children;
      } else {
        control._single[slot] = children.length > 1 ? pickSingle(children, liveBefore) : children[0];
      }
      const now = control._children(slot);
      if (now.length !== liveBefore.length || now.some((c, i) => c !== liveBefore[i])) dirtySlots.add(slot);
    }

    control._p = props.props;
    control._h = handlers.handlers;
    control._owner = before.owner;
    if (before.owner) {
      const changed = new Map<string, unknown>();
      for (const name of new Set([...Object.keys(before.p), ...Object.keys(control._p)])) {
        if (!equalValues(before.p[name], control._p[name])) changed.set(name, before.p[name]);
      }
      if (Object.keys(before.h).sort().join() !== Object.keys(control._h).sort().join()) changed.set(HANDLERS, undefined);
      control._changed = changed.size > 0 ? changed : null;
      control._dirtySlots = dirtySlots.size > 0 ? dirtySlots : null;
      if (control._changed || control._dirtySlots) before.owner.markDirty(control);
    }
    return { added, removed };
  }

  private release(session: Session): void {
    const held = session._held;
    session._held = null;
    for (const run of held ?? []) run();
  }

  /**
   * Hot restart of one session: main runs afresh on the same page object (so `page.session`,
   * the route and the connection stay) and the browser gets the whole new page.
   */
  private restartSession(session: Session, next: AppMain, reason: string, report: SwapReport): void {
    const state = this.states.get(session);
    if (state) {
      const stopped = state.gen.abort("hot restart");
      report.stopped.timers += stopped.timers;
      report.stopped.tasks += stopped.tasks;
      report.stopped.subscriptions += stopped.subscriptions;
    }
    this.states.delete(session);
    const live = session.page;
    const store = live.session;
    const route = live.route;
    session.tree.clear();
    const build: BuildContext = { mode: "restart", log: [], closed: false, page: live };
    const gen = new Generation(`main of session ${session.id}`);
    report.sessions.restarted++;
    report.restarts.push({ sessionId: session.id, reason });
    let result: unknown;
    try {
      result = runContext.run({ gen, build }, () => {
        const page = new Page(session, route);
        (page as { session: Map<string, unknown> }).session = store;
        this.installPageSeams(session, page);
        return next(page);
      });
    } catch (err) {
      build.closed = true;
      gen.abort("main threw");
      crash(session, err);
      return;
    }
    this.record(session, live, build, gen, result);
    session.crashed = null;
    session.send({ type: "registered", protocol: PROTOCOL_VERSION, sessionId: session.id, resumed: true, page: session.tree.serialize(live) });
    if (isPromise(result)) result.then(() => session.flush(), (err) => crash(session, err));
  }

  private takeModuleGeneration(report: SwapReport): void {
    if (!this.pendingModuleGen) return;
    const stopped = this.moduleGen.abort("the module was replaced");
    report.stopped.timers += stopped.timers;
    this.moduleGen = this.pendingModuleGen;
    this.pendingModuleGen = null;
  }

  // ------------------------------------------------------------------ seams on pages

  /**
   * Tasks a run of main starts end with that run (their signal aborts when a swap replaces it);
   * pubsub subscriptions it makes end too, so a swap never leaves the old handler subscribed.
   */
  private installPageSeams(session: Session, page: Page): void {
    if (!Object.prototype.hasOwnProperty.call(page, "runTask")) {
      Object.defineProperty(page, "runTask", {
        configurable: true,
        writable: true,
        value<T>(task: (signal: AbortSignal) => T | Promise<T>): Promise<T | undefined> {
          const ctx = runContext.getStore();
          if (ctx?.build?.mode === "probe") return Promise.resolve(undefined);
          const gen = ctx?.gen;
          if (!gen || gen.aborted) return Page.prototype.runTask.call(page, task) as Promise<T | undefined>;
          const started = Page.prototype.runTask.call(page, (signal: AbortSignal) => task(AbortSignal.any([signal, gen.signal]))) as Promise<T | undefined>;
          gen.trackTask(started);
          return started;
        },
      });
    }
    const hub = session.pubsubHub;
    if (hub && !this.patchedHubs.has(hub)) {
      this.patchedHubs.add(hub);
      const subscribe = hub.subscribe;
      hub.subscribe = function (this: PubSubHub, ...args: Parameters<PubSubHub["subscribe"]>) {
        const off = subscribe.apply(this, args);
        const gen = runContext.getStore()?.gen;
        if (!gen) return off;
        const forget = gen.onAbort(off);
        return () => {
          forget();
          off();
        };
      } as PubSubHub["subscribe"];
    }
  }

  /** The probe's page: no tasks start, `update()` sends nothing, `go()` stays on this page. */
  private installProbeSeams(session: Session, page: Page): void {
    this.installPageSeams(session, page);
    Object.defineProperty(page, "update", { configurable: true, writable: true, value: () => {} });
    Object.defineProperty(page, "go", {
      configurable: true,
      writable: true,
      value(route: string) {
        page.route = route;
        const handler = page._h.routeChange;
        if (handler) handler.call(page, page._decorateEvent({ control: page, name: "routeChange", data: route, page }));
      },
    });
  }
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/**
 * The fast path's check that ordinals matched the right controls: every reused control stands
 * under the same parent, in the same slot, in the same order among its reused siblings, as in
 * the old build; and none whose props the code changed now has exactly the props a sibling of
 * its class had (two lines swapped in the source: the probe path's alignment gets those right).
 * Returns the first control that fails, described, or undefined.
 */
function misboundControl(base: BuildSnapshot, next: BuildSnapshot, reused: ReadonlyMap<Control, unknown>, familyOf: (c: Control) => object): string | undefined {
  const placeOf = (snapshot: BuildSnapshot) => {
    const place = new Map<Control, { parent: Control; slot: string; index: number }>();
    for (const [parent, record] of snapshot) {
      for (const [slot, children] of Object.entries(record.slots)) {
        let index = 0;
        for (const child of children) if (reused.has(child)) place.set(child, { parent, slot, index: index++ });
      }
    }
    return place;
  };
  const before = placeOf(base);
  const after = placeOf(next);
  for (const control of reused.keys()) {
    const a = before.get(control);
    const b = after.get(control);
    if (!a && !b) continue;
    if (!a || !b || a.parent !== b.parent || a.slot !== b.slot || a.index !== b.index) return `${describeControl(control)} moved`;
  }
  for (const record of next.values()) {
    for (const children of Object.values(record.slots)) {
      const siblings = children.filter((c) => reused.has(c));
      if (siblings.length < 2) continue;
      for (const control of siblings) {
        const was = base.get(control)?.props;
        const now = next.get(control)?.props;
        if (!was || !now || sameProps(was, now)) continue;
        const twin = siblings.find((other) => other !== control && familyOf(other) === familyOf(control) && sameProps(base.get(other)?.props ?? {}, now));
        if (twin) return `${describeControl(control)} now looks like ${describeControl(twin)} did`;
      }
    }
  }
  return undefined;
}

function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function sameProps(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => equalValues(a[k], b[k]));
}

/** A single slot that ended up with two candidates: the runtime's choice wins over the code's. */
function pickSingle(children: Control[], liveBefore: Control[]): Control | undefined {
  return children.find((c) => liveBefore.includes(c)) ?? children[0];
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof value === "object" && value !== null && typeof (value as Promise<unknown>).then === "function";
}

function withBudget(promise: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([promise, budget]).finally(() => clearTimeout(timer));
}

function crash(session: Session, err: unknown): void {
  const text = err instanceof Error ? `${err.name === "Error" ? "" : err.name + ": "}${err.message}` : String(err);
  session.crashed = text;
  console.error(`weft: session ${session.id}: the app's main failed:\n${err instanceof Error && err.stack ? err.stack : text}`);
  if (hook.active) hook.emit({ type: "error", sessionId: session.id, where: "main", error: err });
  session.send({ type: "crashed", message: text });
}
