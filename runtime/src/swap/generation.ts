/** A timer handle: Node's Timeout object, or a browser's number. */
export type TimerHandle = ReturnType<typeof setTimeout>;

/** What a generation had running when it ended, for the swap report. */
export interface Stopped {
  timers: number;
  tasks: number;
  subscriptions: number;
}

/**
 * One run of an app's code that may leave things running: a session's `main` (its tasks, its
 * timers, its pubsub subscriptions) or one version of a module (the timers its top level
 * started). When a swap replaces that run, the generation is aborted: its signal fires, its
 * timers are cleared, its subscriptions end. Without this, every save would leave one more
 * clock ticking on controls nobody sees (the leak Vite's SSR had before it gained an HMR API,
 * vite#7887).
 */
export class Generation {
  // Made when first needed: a swap ends a generation per session, and most never had a task,
  // a timer or a subscription, so ending one should cost next to nothing.
  private controller: AbortController | null = null;
  private timers: Set<TimerHandle> | null = null;
  private disposers: Set<() => void> | null = null;
  private tasksRunning: Set<Promise<unknown>> | null = null;
  private ended: string | null = null;

  /** Whether one-shot timers are tracked too (a module's top level: only intervals, see timerTracking.ts). */
  readonly tracksTimeouts: boolean;

  constructor(
    readonly label: string,
    options: { timeouts?: boolean } = {},
  ) {
    this.tracksTimeouts = options.timeouts ?? true;
  }

  /** Aborts when the generation ends (tasks take it as their signal). */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.ended !== null) this.controller.abort(endedBecause(this.ended));
    }
    return this.controller.signal;
  }

  get aborted(): boolean {
    return this.ended !== null;
  }

  /** Tasks started by this run that have not settled. */
  get tasks(): ReadonlySet<Promise<unknown>> {
    return this.tasksRunning ?? EMPTY;
  }

  /** @internal a timer created while this generation's code ran */
  trackTimer(timer: TimerHandle): void {
    if (this.aborted) clearTimeout(timer);
    else (this.timers ??= new Set()).add(timer);
  }

  /** @internal */
  untrackTimer(timer: TimerHandle): void {
    this.timers?.delete(timer);
  }

  /** Runs `dispose` when the generation ends (now, if it has ended). */
  onAbort(dispose: () => void): () => void {
    if (this.aborted) {
      dispose();
      return () => {};
    }
    const disposers = (this.disposers ??= new Set());
    disposers.add(dispose);
    return () => disposers.delete(dispose);
  }

  trackTask(task: Promise<unknown>): void {
    const tasks = (this.tasksRunning ??= new Set());
    tasks.add(task);
    const done = () => tasks.delete(task);
    task.then(done, done);
  }

  /** What is still running, for the swap report. */
  get liveCount(): Stopped {
    return { timers: this.timers?.size ?? 0, tasks: this.tasksRunning?.size ?? 0, subscriptions: this.disposers?.size ?? 0 };
  }

  /** Ends the generation: aborts its tasks' signal, clears its timers, ends its subscriptions. */
  abort(reason: string): Stopped {
    const counts = this.liveCount;
    if (this.aborted) return counts;
    this.ended = reason;
    this.controller?.abort(endedBecause(reason));
    for (const timer of this.timers ?? []) clearTimeout(timer);
    this.timers = null;
    for (const dispose of [...(this.disposers ?? [])]) {
      try {
        dispose();
      } catch (err) {
        console.error("weft: ending a subscription of the old code threw:", err);
      }
    }
    this.disposers = null;
    return counts;
  }
}

const EMPTY: ReadonlySet<never> = new Set();

/** The abort reason a task sees: an Error, as AbortSignal's own are. */
function endedBecause(reason: string): Error {
  return new Error(reason);
}
