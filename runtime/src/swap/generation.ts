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
  private readonly controller = new AbortController();
  private readonly timers = new Set<TimerHandle>();
  private readonly disposers = new Set<() => void>();
  /** Tasks started by this run that have not settled. */
  readonly tasks = new Set<Promise<unknown>>();

  /** Whether one-shot timers are tracked too (a module's top level: only intervals, see timerTracking.ts). */
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
  trackTimer(timer: TimerHandle): void {
    if (this.aborted) clearTimeout(timer);
    else this.timers.add(timer);
  }

  /** @internal */
  untrackTimer(timer: TimerHandle): void {
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
  get liveCount(): Stopped {
    return { timers: this.timers.size, tasks: this.tasks.size, subscriptions: this.disposers.size };
  }

  /** Ends the generation: aborts its tasks' signal, clears its timers, ends its subscriptions. */
  abort(reason: string): Stopped {
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
