import type { SessionManager } from "../session/sessionManager.ts";
import { createSyncSessionContext, currentSession, useSessionContext } from "../session/sessionContext.ts";
import { stackOf } from "../thrownValue.ts";

/**
 * A static build's worker holds one tab, so one live session: a failure that reaches the
 * worker's global scope (a throw in a handler's `setTimeout`, a promise nobody awaited) is that
 * session's, as a Node server traces it with AsyncLocalStorage (server/processErrors.ts). It is
 * reported to the session (the banner, the devtools); the worker, like the process, goes on.
 */
export function handleWorkerErrors(manager: SessionManager, scope: Partial<Pick<EventTarget, "addEventListener">> = globalThis as Partial<EventTarget>): void {
  const liveSession = () => [...manager.sessions.values()].find((s) => s.state !== "closed");
  useSessionContext(createSyncSessionContext(liveSession));
  const report = (err: unknown, what: string) => {
    const session = currentSession();
    if (session) session.reportAppError(what, err);
    else console.error(`weft: ${what} with no session in this tab:\n${stackOf(err)}`);
  };
  scope.addEventListener?.("error", (event) => {
    const e = event as ErrorEvent;
    e.preventDefault();
    report(e.error ?? new Error(e.message), "an uncaught exception");
  });
  scope.addEventListener?.("unhandledrejection", (event) => {
    const e = event as PromiseRejectionEvent;
    e.preventDefault();
    report(e.reason, "an unhandled promise rejection");
  });
}
