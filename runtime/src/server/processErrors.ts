import { useNodeSessionContext } from "../session/nodeSessionContext.ts";
import { currentSession } from "../session/sessionContext.ts";
import { stackOf } from "../thrownValue.ts";

/** Options of `handleProcessErrors`. */
export interface ProcessErrorOptions {
  /** Ends the process (tests pass their own). Default `process.exit`. */
  exit?: (code: number) => void;
}

let installed: { count: number; uninstall: () => void } | null = null;

/**
 * The process's `unhandledRejection` and `uncaughtException`, for the programs that own the
 * process (`weft run`, `weft dev`, `createWeftServer({ handleProcessErrors: true })`): a failure
 * of app code — a stray `Promise.reject()` in a handler, a throw in a timer a handler started —
 * belongs to the session whose code scheduled it (the session context follows it through
 * promises and timers). It is reported there like a handler's error (the browser's banner, the
 * log with its stack, the devtools' hook) and the process keeps serving every session.
 *
 * A failure outside every session is weft's own (or a library's it runs) or module-level app
 * code's: the process may be in a state nobody planned for, so it ends, saying so. Returns the
 * undo; installs once however often it is called (counted).
 */
export function handleProcessErrors(options: ProcessErrorOptions = {}): () => void {
  if (installed) {
    installed.count++;
    return once(() => release());
  }
  useNodeSessionContext();
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const handle = (err: unknown, what: string) => {
    const session = currentSession();
    if (session && session.state !== "closed") return session.reportAppError(what, err);
    if (session) {
      console.error(`weft: session ${session.id} had closed when its code failed (${what}); the process goes on:\n${stackOf(err)}`);
      return;
    }
    console.error(
      `weft: ${what} outside any session, so in weft itself, a library it runs, or app code at module level. ` +
        `The process cannot tell what else it broke and ends now:\n${stackOf(err)}`,
    );
    exit(70); // EX_SOFTWARE
  };
  const onRejection = (reason: unknown) => handle(reason, "an unhandled promise rejection");
  const onException = (err: unknown) => handle(err, "an uncaught exception");
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  // Node reports a throw inside a queueMicrotask callback after leaving its async context, so
  // no session could be found for it: catch it while the context is still there.
  const originalQueueMicrotask = globalThis.queueMicrotask;
  globalThis.queueMicrotask = (callback) =>
    originalQueueMicrotask(() => {
      try {
        callback();
      } catch (err) {
        if (!currentSession()) throw err;
        handle(err, "an uncaught exception");
      }
    });
  installed = {
    count: 1,
    uninstall: () => {
      process.off("unhandledRejection", onRejection);
      process.off("uncaughtException", onException);
      globalThis.queueMicrotask = originalQueueMicrotask;
    },
  };
  return once(() => release());
}

function release(): void {
  if (!installed || --installed.count > 0) return;
  installed.uninstall();
  installed = null;
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
