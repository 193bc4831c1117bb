import type { Session } from "./session.ts";

/**
 * Which session's code is running now, across its awaits, timers and callbacks: how a failure
 * that reaches the process (a stray rejection, a throw in a handler's `setTimeout`) is given
 * back to the session that scheduled it instead of ending the process.
 *
 * The core only runs app code inside `runInSession` and asks `currentSession()`; where that
 * knowledge comes from depends on where the core runs. In Node it is AsyncLocalStorage
 * (nodeSessionContext.ts, installed by the servers that own a process). The default knows the
 * session only while synchronous code runs, which is all a browser Worker holding one session
 * needs (static mode slots its own in with `useSessionContext`).
 */
export interface SessionContext {
  run<T>(session: Session, fn: () => T): T;
  current(): Session | undefined;
}

/**
 * The session while its synchronous code runs; otherwise `fallback()` (a static build's worker:
 * its one live session, runtime/src/static/workerErrors.ts).
 */
export function createSyncSessionContext(fallback: () => Session | undefined = () => undefined): SessionContext {
  let current: Session | undefined;
  return {
    run(session, fn) {
      const previous = current;
      current = session;
      try {
        return fn();
      } finally {
        current = previous;
      }
    },
    current: () => current ?? fallback(),
  };
}

let active: SessionContext = createSyncSessionContext();

/** Puts another implementation in place (process-wide). */
export function useSessionContext(context: SessionContext): void {
  active = context;
}

/** Runs app code of `session`: what it schedules belongs to the session too. */
export function runInSession<T>(session: Session, fn: () => T): T {
  return active.run(session, fn);
}

/** The session whose code is running now, if any. */
export function currentSession(): Session | undefined {
  return active.current();
}
