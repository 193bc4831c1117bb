import { AsyncResource } from "node:async_hooks";

/**
 * A scope made when the runtime loads, before any caller's code runs.
 *
 * Everything a server does for a connection runs in the async context of whoever called
 * `listen()`: Node creates each accepted socket under the listening handle. When the host
 * server is started by a module that `weft dev` imports (`weft dev server.ts`), that is the
 * import's context, which tracks the module's timers so that a new version of it can stop
 * them: a session's handler would then inherit it, and the interval a click started would end
 * with the next edit of server.ts. Session code runs in this scope instead, the context every
 * session has under `weft run`.
 */
const outside = new AsyncResource("weft:sessions");

/** Runs `fn` outside the context of the code that started the server. */
export function outsideCallerContext<T>(fn: () => T): T {
  return outside.runInAsyncScope(fn);
}
