import { AsyncLocalStorage } from "node:async_hooks";
import type { BuildContext } from "./buildContext.ts";

/**
 * One run of an app's code that may leave things running: a session's `main` (its tasks, its
 * timers, its pubsub subscriptions) or one version of a module (the timers its top level
 * started). When a swap replaces that run, the generation is aborted: its signal fires, its
 * timers are cleared, its subscriptions end. Without this, every save would leave one more
 * clock ticking on controls nobody sees (the leak Vite's SSR had before it gained an HMR API,
 * vite#7887).
 */
export class Generation {
  private readonly controller = new AbortController();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly disposers = new Set<() => void>();
  /** Tasks started by this run that have not settled. */
  readonly tasks = new Set<Promise<unknown>>();

  /** Whether one-shot timers are tracked too (a module's top level: only intervals, see below). */
  readonly tracksTimeouts: boolean;

  constructor(
    readonly label: string,
    options: { timeouts?: boolean } = {},
  ) {
    this.tracksTimeouts = options.timeouts ?? true;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get aborted(): boolean {
    return this.controller.signal.aborted;
  }

  /** @internal a timer created while this generation's code ran */
  trackTimer(timer: NodeJS.Timeout): void {
    if (this.aborted) clearTimeout(timer);
    else this.timers.add(timer);
  }

  /** @internal */
  untrackTimer(timer: NodeJS.Timeout): void {
    this.timers.delete(timer);
  }

  /** Runs `dispose` when the generation ends (now, if it has ended). */
  onAbort(dispose: () => void): () => void {
    if (this.aborted) {
      dispose();
      return () => {};
    }
    this.disposers.add(dispose);
    return () => this.disposers.delete(dispose);
  }

  trackTask(task: Promise<unknown>): void {
    this.tasks.add(task);
    const done = () => this.tasks.delete(task);
    task.then(done, done);
  }

  /** What is still running, for the swap report. */
  get liveCount(): { timers: number; tasks: number; subscriptions: number } {
    return { timers: this.timers.size, tasks: this.tasks.size, subscriptions: this.disposers.size };
  }

  /** Ends the generation: aborts its tasks' signal, clears its timers, ends its subscriptions. */
  abort(reason: string): { timers: number; tasks: number; subscriptions: number } {
    const counts = this.liveCount;
    if (this.aborted) return counts;
    this.controller.abort(new Error(reason));
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const dispose of [...this.disposers]) {
      try {
        dispose();
      } catch (err) {
        console.error("weft: ending a subscription of the old code threw:", err);
      }
    }
    this.disposers.clear();
    return counts;
  }
}

/** What app code running right now belongs to: set around `main` and around a module's import. */
export interface RunContext {
  gen: Generation;
  /** Set while main builds a page: how constructions are recorded or reused. */
  build?: BuildContext;
}

export const runContext = new AsyncLocalStorage<RunContext>();

/** The generation of the code running now, if it is one of ours. */
export function currentGeneration(): Generation | undefined {
  return runContext.getStore()?.gen;
}

let timersInstalled = 0;
let restoreTimers: (() => void) | null = null;

/**
 * Wraps the global `setTimeout`/`setInterval` so that a timer started inside a generation (in
 * `main`, in a task it started, at a module's top level) is cleared when the generation ends.
 * Timers started anywhere else (Vite, ws, the app's handlers) are left alone. Reference counted:
 * the last `uninstall` puts the originals back.
 */
export function installTimerTracking(): () => void {
  if (timersInstalled++ === 0) {
    const originals = {
      setTimeout: globalThis.setTimeout,
      setInterval: globalThis.setInterval,
    };
    const wrapTimeout = function (this: unknown, fn: unknown, ms?: number, ...args: unknown[]) {
      // A module's import also runs Vite's own work in its async context: its one-shot timers
      // are not the module's to clear, so modules track intervals only.
      const gen = currentGeneration();
      if (!gen || !gen.tracksTimeouts || typeof fn !== "function") return (originals.setTimeout as Function).call(this, fn, ms, ...args);
      const timer: NodeJS.Timeout = (originals.setTimeout as Function).call(
        this,
        function (this: unknown, ...callArgs: unknown[]) {
          gen.untrackTimer(timer);
          return (fn as Function).apply(this, callArgs);
        },
        ms,
        ...args,
      );
      gen.trackTimer(timer);
      return timer;
    };
    const wrapInterval = function (this: unknown, fn: unknown, ms?: number, ...args: unknown[]) {
      const timer: NodeJS.Timeout = (originals.setInterval as Function).call(this, fn, ms, ...args);
      currentGeneration()?.trackTimer(timer);
      return timer;
    };
    // Keep util.promisify.custom and friends: `promisify(setTimeout)` must still work.
    copyStatics(originals.setTimeout, wrapTimeout);
    copyStatics(originals.setInterval, wrapInterval);
    globalThis.setTimeout = wrapTimeout as unknown as typeof setTimeout;
    globalThis.setInterval = wrapInterval as unknown as typeof setInterval;
    restoreTimers = () => {
      globalThis.setTimeout = originals.setTimeout;
      globalThis.setInterval = originals.setInterval;
    };
  }
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (--timersInstalled === 0) {
      restoreTimers?.();
      restoreTimers = null;
    }
  };
}

function copyStatics(from: Function, to: Function): void {
  for (const key of Reflect.ownKeys(from)) {
    if (key === "length" || key === "name" || key === "prototype") continue;
    const descriptor = Object.getOwnPropertyDescriptor(from, key);
    if (descriptor) Object.defineProperty(to, key, descriptor);
  }
}
