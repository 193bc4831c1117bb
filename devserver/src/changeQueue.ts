import { statSync } from "node:fs";

export interface ChangeQueueOptions {
  /** Wait this long after the last change before acting: a burst (a checkout, a formatter) is one swap. */
  quietMs: number;
  /** …but never longer than this after the first change. */
  maxWaitMs: number;
  /**
   * Does the work for one batch; `firstAt` is the `performance.now()` of its first change.
   * `changedSinceLoad()` says whether any of its files was written again after the batch loaded it.
   */
  run(files: string[], firstAt: number, changedSinceLoad: () => boolean): Promise<void>;
  /** How long after a batch its files are checked again for a write the watcher did not report. Default 80 ms. */
  recheckMs?: number;
}

/**
 * Coalesces file changes into batches and runs one batch at a time. Changes that arrive while a
 * batch runs make the next batch.
 *
 * The watcher does not report every write: chokidar drops a second change of one path within
 * 50 ms of the first (its `_throttle(EV_CHANGE, path, 50)`), with no trailing event, so a save
 * right after a quick swap would be lost. Each batch's files are therefore checked again (size
 * and mtime) once the batch is done and once more after that window.
 */
export class ChangeQueue {
  private pending = new Set<string>();
  private firstAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private closed = false;
  private readonly rechecks = new Set<ReturnType<typeof setTimeout>>();
  /** Each file's size and mtime when a batch last loaded it: a report of that same write is not a change. */
  private readonly loaded = new Map<string, string>();

  constructor(private readonly options: ChangeQueueOptions) {}

  add(file: string): void {
    if (this.closed) return;
    if (!this.pending.has(file) && this.loaded.get(file) === fingerprint(file)) return;
    if (this.pending.size === 0) this.firstAt = performance.now();
    this.pending.add(file);
    this.schedule();
  }

  /**
   * Whether any of `files` was written again after this batch loaded it. An editor that
   * truncates then writes can be read in between (an empty module: "no default export"); such a
   * failure is moot, since the recheck after the batch takes the finished write.
   */
  changedSinceLoad(files: readonly string[]): boolean {
    return files.some((file) => this.loaded.has(file) && fingerprint(file) !== this.loaded.get(file));
  }

  /** Resolves once nothing is waiting or running. */
  async idle(): Promise<void> {
    while (this.running || this.timer || this.pending.size > 0) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, this.options.quietMs));
    }
  }

  close(): void {
    this.closed = true;
    for (const t of this.rechecks) clearTimeout(t);
    this.rechecks.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private schedule(): void {
    if (this.running) return; // the batch's end schedules the next one
    if (this.timer) clearTimeout(this.timer);
    const waited = performance.now() - this.firstAt;
    const delay = Math.max(0, Math.min(this.options.quietMs, this.options.maxWaitMs - waited));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private async flush(): Promise<void> {
    if (this.closed || this.pending.size === 0) return;
    const files = [...this.pending];
    const firstAt = this.firstAt;
    this.pending = new Set();
    for (const file of files) this.loaded.set(file, fingerprint(file));
    this.running = this.options.run(files, firstAt, () => this.changedSinceLoad(files)).catch((err) => {
      console.error("weft: a swap failed unexpectedly:", err);
    });
    await this.running;
    this.running = null;
    const recheck = () => {
      for (const file of files) {
        if (fingerprint(file) !== this.loaded.get(file)) this.add(file);
      }
    };
    recheck();
    const timer = setTimeout(() => {
      this.rechecks.delete(timer);
      if (!this.closed) recheck();
    }, this.options.recheckMs ?? 80);
    this.rechecks.add(timer);
    if (this.pending.size > 0) this.schedule();
  }
}

function fingerprint(file: string): string {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return "gone";
  }
}
