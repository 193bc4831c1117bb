import type { Control } from "../controls/control.ts";
import type { Page } from "../page/page.ts";
import type { AppMain, Session } from "../session/session.ts";
import type { BuildContext } from "./buildContext.ts";
import type { Generation } from "./generation.ts";
import { isPromise } from "./promises.ts";
import { snapshotBuild, type BuildSnapshot } from "./snapshot.ts";

/** What the current code built for one session: what the next swap merges against. */
export interface SessionBuild {
  /** What main built, as it left it (the merge's `base`). */
  base: BuildSnapshot;
  root: Page;
  /** The order main constructed things in (the fast path's ordinals). */
  log: Control[];
  /** Tasks, timers and subscriptions of the current code's run of main. */
  gen: Generation;
  /** main returned a promise that has not settled. */
  pending: boolean;
  /** The version of main that built it. */
  code: AppMain;
}

/** The builds of every session that runs the engine's code (a session whose main crashed has none). */
export class SessionBuilds {
  private readonly builds = new WeakMap<Session, SessionBuild>();

  get(session: Session): SessionBuild | undefined {
    return this.builds.get(session);
  }

  has(session: Session): boolean {
    return this.builds.has(session);
  }

  set(session: Session, build: SessionBuild): void {
    this.builds.set(session, build);
  }

  delete(session: Session): void {
    this.builds.delete(session);
  }

  /**
   * Records what a run of main built on `page`. An async main is recorded now (what it built
   * before its first await) and again once it settles, unless a swap replaced it meanwhile.
   */
  record(session: Session, page: Page, build: BuildContext, gen: Generation, result: unknown, code: AppMain): void {
    const state: SessionBuild = { base: snapshotBuild(page, build.log), root: page, log: build.log, gen, pending: isPromise(result), code };
    this.builds.set(session, state);
    if (!isPromise(result)) {
      build.closed = true;
      return;
    }
    result.then(
      () => {
        build.closed = true;
        if (this.builds.get(session) !== state) return;
        state.base = snapshotBuild(page, build.log);
        state.pending = false;
      },
      () => {
        build.closed = true;
        state.pending = false;
      },
    );
  }
}
