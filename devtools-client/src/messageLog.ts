import { tallyRow, type MessageRow, type SkippedRows, type SkippedTally } from "@weft/protocol/channel";
import { Emitter, type Unsubscribe } from "./emitter.ts";
import { RingBuffer } from "./ringBuffer.ts";

/** A row with what the list shows derived once: the action and the control it names. */
export interface LogRow extends MessageRow {
  /** `click`, `patch · 3 ops`, `invoke clientStorage.get`… */
  action: string;
  /** The control id the frame names (an event's, a props message's, an invoke's), if any. */
  controlId?: number;
  /** Not a row: rows the devserver did not send (a thinned busy frame), held in their place (`seq` is `gap.fromSeq`). */
  gap?: LogGap;
}

/**
 * Rows of a thinned frame (`watch { thin: true }`) the log holds as one entry until a view needs
 * them: their seq range and what they add up to (`SkippedRows`), so totals stay exact. `kept`
 * false: the agent no longer keeps them ("N older messages not kept"); `loading`: being fetched.
 */
export interface LogGap extends SkippedTally {
  fromSeq: number;
  toSeq: number;
  kept: boolean;
  loading: boolean;
}

export interface MessageFilter {
  /** Matches the kind, the action, the control's name (`Button#inc`) or the preview. */
  text: string;
  direction: "all" | "in" | "out";
  /** Show the devtools' own frames (picker calls, timings). */
  tool: boolean;
}

export const defaultFilter: MessageFilter = { text: "", direction: "all", tool: false };

export interface Totals {
  messages: number;
  in: number;
  out: number;
  bytesIn: number;
  bytesOut: number;
}

/** The default bound: 100,000 rows (about 40 MB of strings at the longest previews). */
export const MESSAGE_LOG_CAPACITY = 100_000;

/** What changed in the rows held: some appended (in one batch per `push`), or all of them. */
export type LogChange = { type: "append"; rows: readonly LogRow[] } | { type: "reset" };

/**
 * The message traffic of the watched session: a ring buffer of rows, running totals (over every
 * row received, evicted or not), a filter kept up to date incrementally (a new row costs one
 * match, not a pass over 100,000), and pause: while paused the view keeps showing what it
 * showed, new rows are counted and shown on resume. Only the rows: a frame's text stays in the
 * app until a tool asks for it (`get-message`). Subscribers hear of appended rows once per
 * `push`, never per row, so a backlog of thousands costs a view one update.
 */
export class MessageLog {
  private rows: RingBuffer<LogRow>;
  /** Absolute indices of rows that pass the filter, oldest first, from `head`. */
  private hits: number[] = [];
  private head = 0;
  private frozen: { count: number; first: number } | null = null;
  private seqs = new Set<number>();
  /** The gap entries held that can still be fetched (`kept`). */
  private readonly openGaps = new Set<LogRow>();
  /** Seqs of patch rows, oldest first: where the tree changed (time travel's steps). */
  private patches: number[] = [];
  filter: MessageFilter = defaultFilter;
  /** Over every row received, and over those that are not the devtools' own. */
  private counted = { all: emptyTotals(), app: emptyTotals() };
  /** Seqs of the rows that are not the devtools' own, oldest first: positions a person counts (time travel steps over them). */
  private appSeqs: number[] = [];
  /** Rows the devserver dropped because this tool read too slowly (its `dropped` messages). */
  dropped = 0;
  /** Bumped on every change the view must see. */
  version = 0;
  private readonly changes = new Emitter<LogChange>();

  constructor(
    capacity = MESSAGE_LOG_CAPACITY,
    /** Names a control id for filtering (`Button#inc`); the tree knows. */
    private readonly nameOf: (id: number) => string | undefined = () => undefined,
  ) {
    this.rows = new RingBuffer(capacity);
  }

  get capacity(): number {
    return this.rows.capacity;
  }

  get paused(): boolean {
    return this.frozen !== null;
  }

  /** Rows received while paused, not yet shown. */
  get pending(): number {
    return this.frozen ? this.visibleNow() - this.frozen.count : 0;
  }

  /** Subscribes to appends and resets. Returns the undo. */
  subscribe(listener: (change: LogChange) => void): Unsubscribe {
    return this.changes.subscribe(listener);
  }

  /** Adds rows (from the channel, or a backlog); a row already held (same seq) is skipped. */
  push(rows: readonly MessageRow[]): void {
    if (rows.length === 0) return;
    const added: LogRow[] = [];
    for (const raw of rows) {
      const gap = (raw as LogRow).gap;
      if (gap === undefined && this.seqs.has(raw.seq)) continue;
      const row = gap === undefined ? decorate(raw) : (raw as LogRow);
      added.push(row);
      if (this.rows.length === this.rows.capacity) this.forget(this.rows.at(this.rows.first)!); // about to be overwritten
      const index = this.rows.push(row);
      if (gap !== undefined) {
        if (gap.kept) this.openGaps.add(row);
        countGap(this.counted.all, gap, false);
        countGap(this.counted.app, gap, true);
        if (this.passes(row)) this.hits.push(index);
        continue;
      }
      this.seqs.add(row.seq);
      if (row.kind === "patch") {
        if (this.patches.length >= this.rows.capacity) this.patches.shift();
        this.patches.push(row.seq);
      }
      count(this.counted.all, row);
      if (!row.tool) {
        count(this.counted.app, row);
        if (this.appSeqs.length >= this.rows.capacity) this.appSeqs.shift();
        this.appSeqs.push(row.seq);
      }
      if (this.passes(row)) this.hits.push(index);
    }
    this.trim();
    this.version++;
    if (added.length > 0) this.changes.emit({ type: "append", rows: added });
  }

  /**
   * Rows a thinned frame left out (`skipped` of a `rows` message), held as one gap entry where
   * they belong; its counts go into the totals at once.
   */
  pushGap(sessionId: string, skipped: SkippedRows): void {
    const [fromSeq, toSeq, n, countIn, bytesIn, bytesOut, tool = 0, toolIn = 0, toolBytesIn = 0, toolBytesOut = 0] = skipped;
    if (!(n > 0) || !(toSeq >= fromSeq)) return;
    const gap: LogGap = { fromSeq, toSeq, count: n, countIn, bytesIn, bytesOut, tool, toolIn, toolBytesIn, toolBytesOut, kept: true, loading: false };
    this.push([gapRow(sessionId, gap)]);
  }

  /** The gaps that can still be fetched, oldest first (from `fromSeq` on, up to `toSeq`, when given). */
  gaps(fromSeq = -Infinity, toSeq = Infinity): LogGap[] {
    const out: LogGap[] = [];
    for (const row of this.openGaps) if (row.gap!.toSeq >= fromSeq && row.gap!.fromSeq <= toSeq) out.push(row.gap!);
    return out.sort((a, b) => a.fromSeq - b.fromSeq);
  }

  /** Marks gaps as being fetched (a view shows "loading…"), or no longer. */
  setLoading(gaps: readonly LogGap[], on: boolean): void {
    for (const gap of gaps) gap.loading = on;
    this.version++;
  }

  /**
   * The rows fetched for `gaps` (`get-rows` over their range): they take the gaps' places in
   * seq order. What the answer lacks of a gap is what the agent no longer keeps (it keeps the
   * newest rows): it stays as a smaller gap that says so.
   */
  fill(gaps: readonly LogGap[], rows: readonly MessageRow[]): void {
    for (const gap of gaps) {
      gap.loading = false;
      gap.kept = false; // what the rows do not cover was not kept
    }
    this.backfill(rows);
  }

  /**
   * Adds rows from before the tool watched (the agent's backlog), or fetched for a gap: the log
   * is rebuilt in seq order, a row it already holds counted once, a gap the rows fall into made
   * smaller (what is left of it older than they are: the agent keeps the newest).
   */
  backfill(rows: readonly MessageRow[]): void {
    const dropped = this.dropped;
    const held = this.all();
    const merged: MessageRow[] = held.filter((row) => row.gap === undefined || row.gap.count > 0);
    for (const row of rows) if (!this.seqs.has(row.seq)) merged.push(row);
    merged.sort((a, b) => a.seq - b.seq || ((b as LogRow).gap ? 1 : 0) - ((a as LogRow).gap ? 1 : 0));
    this.clear();
    this.push(shrinkGaps(merged));
    this.dropped = dropped;
  }

  /** The devserver dropped `count` rows for a slow reader. */
  noteDropped(count: number): void {
    this.dropped += count;
    this.version++;
  }

  /** Rows shown now (the frozen count while paused). */
  get length(): number {
    return this.frozen ? Math.min(this.frozen.count, this.visibleNow()) : this.visibleNow();
  }

  /** The i-th shown row, oldest first. */
  row(i: number): LogRow | undefined {
    const offset = this.frozen ? this.frozen.first : 0;
    const index = this.hits[this.head + i + offset];
    return index === undefined ? undefined : this.rows.at(index);
  }

  /** The shown position of the row with `seq`, or -1 (rows are in seq order: a binary search). */
  indexOfSeq(seq: number): number {
    if (!this.seqs.has(seq)) return -1;
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.row(mid)!.seq;
      if (at === seq) return mid;
      if (at < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Seqs of the patch rows held, oldest first. */
  get patchSeqs(): readonly number[] {
    return this.patches;
  }

  /**
   * Counts and bytes per direction over every row received (evicted ones too), leaving out the
   * devtools' own frames (picker calls, timings) unless the filter shows them: hovering the tree
   * must not make the app's traffic look busier.
   */
  get totals(): Totals {
    return this.filter.tool ? this.counted.all : this.counted.app;
  }

  /** Seqs of the rows held that are the app's (not the devtools'), oldest first. */
  get appRowSeqs(): readonly number[] {
    return this.appSeqs;
  }

  /** The seq of the newest row held (0 when empty). */
  get lastSeq(): number {
    const last = this.rows.at(this.rows.pushed - 1);
    return last?.gap?.toSeq ?? last?.seq ?? 0;
  }

  /** Every row held, filtered out or not, oldest first. */
  all(): LogRow[] {
    return [...this.rows];
  }

  /** The newest `count` rows held, filtered out or not, oldest first. */
  latest(count: number): LogRow[] {
    const out: LogRow[] = [];
    for (let i = Math.max(this.rows.first, this.rows.pushed - count); i < this.rows.pushed; i++) out.push(this.rows.at(i)!);
    return out;
  }

  /** The row with `seq`, shown or filtered out (a binary search over the ring). */
  bySeq(seq: number): LogRow | undefined {
    if (!this.seqs.has(seq)) return undefined;
    let lo = this.rows.first;
    let hi = this.rows.pushed - 1;
    while (lo <= hi) {
      const mid = Math.floor((lo + hi) / 2);
      const row = this.rows.at(mid)!;
      if (row.seq === seq) return row;
      if (row.seq < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  setFilter(filter: MessageFilter): void {
    this.filter = filter;
    this.hits = [];
    this.head = 0;
    for (let i = this.rows.first; i < this.rows.pushed; i++) if (this.passes(this.rows.at(i)!)) this.hits.push(i);
    if (this.frozen) this.frozen = { count: this.visibleNow(), first: 0 };
    this.version++;
  }

  pause(on: boolean): void {
    if (on === this.paused) return;
    this.frozen = on ? { count: this.visibleNow(), first: 0 } : null;
    this.version++;
  }

  clear(): void {
    this.rows.clear();
    this.hits = [];
    this.head = 0;
    this.seqs.clear();
    this.openGaps.clear();
    this.patches = [];
    this.appSeqs = [];
    this.counted = { all: emptyTotals(), app: emptyTotals() };
    this.dropped = 0;
    if (this.frozen) this.frozen = { count: 0, first: 0 };
    this.version++;
    this.changes.emit({ type: "reset" });
  }

  /** A row or gap leaves the ring (the oldest, overwritten). */
  private forget(row: LogRow): void {
    if (row.gap) this.openGaps.delete(row);
    else this.seqs.delete(row.seq);
  }

  private visibleNow(): number {
    return this.hits.length - this.head;
  }

  /** Drops indices of evicted rows from the front of the match list. */
  private trim(): void {
    const first = this.rows.first;
    let dropped = 0;
    while (this.head < this.hits.length && this.hits[this.head]! < first) {
      this.head++;
      dropped++;
    }
    if (this.frozen && dropped > 0) {
      // The frozen view loses its oldest rows too; it keeps its end where it was.
      const shift = Math.min(dropped, this.frozen.count);
      this.frozen = { count: this.frozen.count - shift, first: this.frozen.first };
    }
    if (this.head > 4096 && this.head * 2 > this.hits.length) {
      this.hits = this.hits.slice(this.head);
      this.head = 0;
    }
  }

  private passes(row: LogRow): boolean {
    const f = this.filter;
    if (row.gap) return gapPasses(row.gap, f);
    if (row.tool && !f.tool) return false;
    if (f.direction !== "all" && row.direction !== f.direction) return false;
    if (!f.text) return true;
    const q = f.text.toLowerCase();
    if (row.action.toLowerCase().includes(q) || row.kind.toLowerCase().includes(q)) return true;
    if (row.controlId !== undefined) {
      const name = this.nameOf(row.controlId);
      if (name && name.toLowerCase().includes(q)) return true;
      if (`#${row.controlId}` === q) return true;
    }
    return row.preview.toLowerCase().includes(q);
  }

}

function emptyTotals(): Totals {
  return { messages: 0, in: 0, out: 0, bytesIn: 0, bytesOut: 0 };
}

/** A gap's rows into totals; the app's (`app`) leave out the devtools' own frames, as they do for rows. */
function countGap(t: Totals, g: LogGap, app: boolean): void {
  const n = app ? g.count - g.tool : g.count;
  const nIn = app ? g.countIn - g.toolIn : g.countIn;
  t.messages += n;
  t.in += nIn;
  t.out += n - nIn;
  t.bytesIn += app ? g.bytesIn - g.toolBytesIn : g.bytesIn;
  t.bytesOut += app ? g.bytesOut - (g.toolBytesOut) : g.bytesOut;
}

function count(t: Totals, row: MessageRow): void {
  t.messages++;
  if (row.direction === "in") {
    t.in++;
    t.bytesIn += row.bytes;
  } else {
    t.out++;
    t.bytesOut += row.bytes;
  }
}

const ID = /"id":(\d+)/;
const NAME = /"name":"([^"]{1,60})"/;
const METHOD = /"method":"([^"]{1,60})"/;

/** Derives the action and control of a row from its kind and preview. */
export function decorate(row: MessageRow): LogRow {
  const out: LogRow = { ...row, action: row.kind };
  const id = ID.exec(row.preview)?.[1];
  switch (row.kind) {
    case "event": {
      out.action = NAME.exec(row.preview)?.[1] ?? "event";
      break;
    }
    case "props":
      out.action = "props";
      break;
    case "patch":
      out.action = `patch · ${row.ops ?? "?"} op${row.ops === 1 ? "" : "s"}`;
      break;
    case "invoke":
      out.action = `invoke ${METHOD.exec(row.preview)?.[1] ?? ""}`.trim();
      break;
    default:
      break;
  }
  if (id !== undefined && (row.kind === "event" || row.kind === "props" || row.kind === "invoke")) out.controlId = Number(id);
  return out;
}

/** A gap's place in the log: an entry at its first seq (no row has that seq while it is there). */
function gapRow(sessionId: string, gap: LogGap): LogRow {
  return { sessionId, seq: gap.fromSeq, direction: "in", kind: "gap", bytes: gap.bytesIn + gap.bytesOut, at: 0, preview: "", action: `${gap.count} messages`, gap };
}

/** Whether a gap is shown under `f`: it may hold rows that pass (a text filter: not known until fetched, which the model does). */
function gapPasses(gap: LogGap, f: MessageFilter): boolean {
  const app = gap.count - gap.tool;
  const appIn = gap.countIn - gap.toolIn;
  const shown = f.tool ? (f.direction === "in" ? gap.countIn : f.direction === "out" ? gap.count - gap.countIn : gap.count) : f.direction === "in" ? appIn : f.direction === "out" ? app - appIn : app;
  if (shown === 0) return false;
  // Rows no longer kept cannot match a text: said only in the plain list.
  return f.text === "" || gap.kept;
}

/**
 * The rows of `sorted` (seq order, a gap before a row of its first seq) with each gap the rows
 * fall into made smaller by them: what is left is the part older than the oldest of them (the
 * agent keeps a session's newest rows), no longer kept; a gap they cover whole is gone.
 */
function shrinkGaps(sorted: MessageRow[]): MessageRow[] {
  const out: MessageRow[] = [];
  let open: { at: number; gap: LogGap; oldest: number } | null = null;
  const close = () => {
    if (!open) return;
    const { gap } = open;
    if (gap.count <= 0) out.splice(open.at, 1);
    else if (open.oldest <= gap.toSeq) {
      gap.toSeq = Math.max(gap.fromSeq, open.oldest - 1);
      gap.kept = false;
    }
    open = null;
  };
  for (const row of sorted) {
    const gap = (row as LogRow).gap;
    if (gap) {
      close();
      const copy: LogGap = { ...gap };
      open = { at: out.length, gap: copy, oldest: Infinity };
      out.push({ ...(row as LogRow), gap: copy } as LogRow);
      continue;
    }
    if (open && row.seq > open.gap.toSeq) close();
    if (open && row.seq >= open.gap.fromSeq) {
      open.oldest = Math.min(open.oldest, row.seq);
      tallyRow(open.gap, row, -1);
    }
    out.push(row);
  }
  close();
  for (const row of out) {
    const gap = (row as LogRow).gap;
    if (gap) Object.assign(row, gapRow(row.sessionId, gap));
  }
  return out;
}
