import type { MessageRow } from "@weft/protocol/channel";
import { Emitter } from "./emitter.ts";

export interface MessageLogOptions {
  /** Rows kept for the shown session; older ones leave first. Default 1000. */
  limit?: number;
}

/**
 * The shown session's protocol frames as rows (size, kind, ops), newest last. Only the rows: a
 * frame's text stays in the app until asked for (`get-message`). Listeners hear about appended
 * rows in batches, never per row, so a session patching 100 times a second costs the webview
 * one update per batch.
 */
export class MessageLog {
  private rowsList: MessageRow[] = [];
  private readonly limit: number;
  /** Rows the devserver dropped for a slow reader, plus rows past our limit. */
  dropped = 0;
  private readonly appended = new Emitter<MessageRow[]>();
  private readonly cleared = new Emitter<void>();
  readonly onDidAppend = this.appended.event;
  readonly onDidClear = this.cleared.event;
  private pending: MessageRow[] = [];
  private flushScheduled = false;

  constructor(options: MessageLogOptions = {}) {
    this.limit = options.limit ?? 1000;
  }

  get rows(): readonly MessageRow[] {
    return this.rowsList;
  }

  add(row: MessageRow): void {
    this.rowsList.push(row);
    if (this.rowsList.length > this.limit) this.rowsList.splice(0, this.rowsList.length - this.limit);
    this.pending.push(row);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  find(seq: number): MessageRow | undefined {
    return this.rowsList.find((r) => r.seq === seq);
  }

  clear(): void {
    this.rowsList = [];
    this.pending = [];
    this.dropped = 0;
    this.cleared.fire();
  }

  /** Announces the rows added since the last flush (called once per microtask by itself). */
  flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.appended.fire(batch);
  }
}
