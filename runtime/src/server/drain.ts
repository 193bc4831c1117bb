import { CloseCode } from "@weft/protocol";
import type { Session } from "../session/session.ts";
import type { SessionManager } from "../session/sessionManager.ts";

/** How a server drains (`server.drain()`, SIGTERM under `weft run`). */
export interface DrainOptions {
  /**
   * The bound of the whole drain, in ms: handlers still running when it passes (an `onClose`
   * that awaits a slow database) are left behind, and the server closes all the same. Default
   * 10,000 (Kubernetes gives a pod 30 s between SIGTERM and SIGKILL).
   */
  timeoutMs?: number;
}

/** What a drain did: the sessions it closed, the tabs it sent elsewhere, how long it took. */
export interface DrainReport {
  /** Sessions closed (their `onClose` ran). */
  sessions: number;
  /** Tabs told to reconnect elsewhere. */
  tabs: number;
  /** How long the drain took, in ms. */
  ms: number;
  /** Sessions whose handlers were still running when the bound passed. */
  unfinished: number;
}

/** What a drain stops: the app's sessions, then whatever the server holds (pubsub, sockets, port). */
export interface DrainTarget {
  manager: SessionManager;
  /** After every session closed: ends the pubsub transport (Redis), the sockets and the listening port. */
  close(): Promise<void>;
}

export interface Drain {
  /** True from the first `drain()` on: `/healthz` says 503, new upgrades and requests get 503. */
  readonly draining: boolean;
  /** Drains once; later calls get the same promise. */
  drain(options?: DrainOptions): Promise<DrainReport>;
}

export const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;

/**
 * A graceful stop for a process behind a balancer, in this order:
 *
 * 1. stop accepting: `/healthz` answers 503, so does every new request and upgrade (a balancer
 *    retries them on another process);
 * 2. tell the tabs to reconnect: each socket is closed with 1001 (going away), the renderer
 *    reconnects, and the balancer sends it to another process, where it gets a new session;
 * 3. close every session: `onDisconnect`, then `onClose` (which may still publish: Redis is
 *    still there), waiting for the handlers they start, up to the bound;
 * 4. end pubsub (QUIT to Redis), the sockets and the port.
 */
export function createDrain(target: DrainTarget): Drain {
  let running: Promise<DrainReport> | null = null;
  return {
    get draining() {
      return running !== null;
    },
    drain(options = {}) {
      running ??= drainNow(target, options.timeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS);
      return running;
    },
  };
}

async function drainNow(target: DrainTarget, timeoutMs: number): Promise<DrainReport> {
  const t0 = performance.now();
  const deadline = t0 + timeoutMs;
  // Let the 503s of step 1 be what anything arriving from now on sees before tabs are sent away.
  await new Promise((resolve) => setImmediate(resolve));
  const sessions: Session[] = [...target.manager.sessions.values()];
  let tabs = 0;
  for (const session of sessions) {
    const link = session.currentLink;
    if (!link) continue;
    tabs++;
    link.close(CloseCode.GoingAway, "this server is draining; reconnect");
  }
  target.manager.closeAll("the server is draining");
  const busy = new Set(sessions);
  const idle = Promise.all(sessions.map((session) => session.idle().then(() => busy.delete(session))));
  await within(idle, deadline - performance.now());
  const unfinished = busy.size;
  // The rest of the bound, and at least a moment: the port must be let go of.
  await within(target.close(), Math.max(deadline - performance.now(), 500));
  return { sessions: sessions.length, tabs, ms: performance.now() - t0, unfinished };
}

/** Waits for `work`, or `ms`, whichever comes first. */
async function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))));
  try {
    await Promise.race([work.then(() => {}, () => {}), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
