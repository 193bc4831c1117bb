import { AsyncLocalStorage } from "node:async_hooks";
import type { Session } from "./session.ts";
import { useSessionContext, type SessionContext } from "./sessionContext.ts";

let installed: SessionContext | null = null;

/**
 * The Node implementation of the session context: AsyncLocalStorage follows the session through
 * promises, timers and I/O callbacks, and Node runs `unhandledRejection` in the context of the
 * rejected promise and `uncaughtException` in that of the callback that threw, so both can be
 * traced to the session that scheduled them. Installed once per process, by what owns it.
 */
export function useNodeSessionContext(): void {
  if (installed) return;
  const storage = new AsyncLocalStorage<Session>();
  installed = { run: (session, fn) => storage.run(session, fn), current: () => storage.getStore() };
  useSessionContext(installed);
}
