/**
 * The compact forms of the two messages a watched session sends on every app event: message rows
 * and causal chains. A tool asks for them with `watch { compact: true }`; the devserver then
 * gathers the rows (and the chains) of one session that leave in one frame into one `rows` (or
 * `chains`) message and writes each as a tuple instead of an object: the keys, written for every
 * row and every chain, were most of the ~1 KB of JSON a busy session cost per event.
 * `@weft/devtools-client` expands them back (`expandRow`, `expandChain`), so its users see the
 * `message` and `chain` messages of messages.ts; a tool that does not ask sees no change.
 */
import type { MessageRow } from "./messages.ts";
import type { CausalChain, ChainChange } from "./inspectMessages.ts";

/**
 * A `MessageRow` without its session: `[seq, direction, kind, bytes, at, preview, ops, tool,
 * cause]`. Absent fields are `null`, and trailing absent ones are left out.
 */
export type RowTuple = [seq: number, direction: "in" | "out", kind: string, bytes: number, at: number, preview: string, ops?: number | null, tool?: 1 | null, cause?: string];

/**
 * With `watch { thin: true }`: at most this many rows of one `rows` message come in full, the
 * newest; more than the inspector's list shows at once, so a view that follows the newest rows
 * needs nothing else.
 */
export const THIN_ROWS_KEPT = 64;

/** What rows add up to in a `SkippedRows` (after its range): counts and bytes per direction, and of them the devtools' own frames. */
export interface SkippedTally {
  count: number;
  countIn: number;
  bytesIn: number;
  bytesOut: number;
  tool: number;
  toolIn: number;
  toolBytesIn: number;
  toolBytesOut: number;
}

/**
 * Adds a row to `tally` (`sign` 1), or takes it out (-1): the devserver sums the rows a thinned
 * frame leaves out, and a tool takes the rows it fetched back out of the gap they filled.
 */
export function tallyRow(tally: SkippedTally, row: { direction: string; bytes: number; tool?: boolean }, sign: 1 | -1): void {
  const bytes = sign * row.bytes;
  const isIn = row.direction === "in";
  tally.count += sign;
  if (isIn) {
    tally.countIn += sign;
    tally.bytesIn += bytes;
  } else tally.bytesOut += bytes;
  if (!row.tool) return;
  tally.tool += sign;
  if (isIn) {
    tally.toolIn += sign;
    tally.toolBytesIn += bytes;
  } else tally.toolBytesOut += bytes;
}

/**
 * The rows a thinned `rows` message left out, all older than its `rows` and consecutive in seq
 * (`[fromSeq, toSeq]`, both in): how many, how many went in (browser → server) and the bytes
 * each way, and of them the devtools' own frames (`tool`, `toolIn`, `toolBytesIn`,
 * `toolBytesOut`, left out when none), so a tool's totals stay exact without the rows.
 */
export type SkippedRows = [fromSeq: number, toSeq: number, count: number, countIn: number, bytesIn: number, bytesOut: number, tool?: number, toolIn?: number, toolBytesIn?: number, toolBytesOut?: number];

/** Rows of one session, in order (`watch` with `compact`: what the `message`s of a frame become). */
export interface RowsMessage {
  type: "rows";
  sessionId: string;
  rows: RowTuple[];
  /** With `watch { thin: true }`, in a busy frame: the older rows not sent (`get-rows` has them while the agent keeps them). */
  skipped?: SkippedRows;
}

/**
 * A chain's change: `[id, label, op, props, values, parent]`, each value `[name, before, after]`
 * (or, for a value JSON cannot write, the plain `{ name, before?, after? }` with its key left out).
 */
export type ChangeTuple = [id: number, label: string, op: ChainChange["op"], props: string[] | null, values: ([name: string, before: unknown, after: unknown] | ChainValue)[] | null, parent?: string];
type ChainValue = NonNullable<ChainChange["values"]>[number];

/**
 * A `CausalChain` without its session: `[seq, at, id, control, event, done, handler, changed,
 * more, patches, roundTripMs, clientSeq, cause]`; `handler` is `[ms, syncMs, error?]`, a patch
 * `[seq, bytes, ops]`, `done` 1 or 0. Absent fields are `null`, trailing ones left out.
 */
export type ChainTuple = [
  seq: number,
  at: number,
  id: number,
  control: string,
  event: string,
  done: 0 | 1,
  handler: [ms: number, syncMs: number, error?: string] | null,
  changed: ChangeTuple[],
  more: number,
  patches: [seq: number | null, bytes: number, ops: number][],
  roundTripMs?: number | null,
  clientSeq?: number | null,
  cause?: NonNullable<CausalChain["cause"]>,
];

/** Chains of one session, in order (`watch` with `compact`: what the `chain`s of a frame become). */
export interface ChainsMessage {
  type: "chains";
  sessionId: string;
  chains: ChainTuple[];
  /**
   * With `watch { roundTrips: true }`: chains sent before (in this message's `chains`, or an
   * earlier frame) whose round trip the tab reported since, as `[seq, roundTripMs]`, applied after
   * this message's chains. Left out when there are none. A round trip for a chain the tool was
   * not sent (a thinned frame's) has nothing to join: `get-chains` has the chain with it.
   */
  roundTrips?: [seq: number, roundTripMs: number][];
  /**
   * With `watch { thin: true }`, in a busy frame: the older chains not sent, only the newest
   * `THIN_ROWS_KEPT` in full, as `[fromSeq, toSeq, count]` (chains are numbered by their event's
   * row, so not every seq of the range is a chain). `get-chains` has them while the agent keeps them.
   */
  skipped?: [fromSeq: number, toSeq: number, count: number];
}

export type CompactMessage = RowsMessage | ChainsMessage;

export function expandRow(sessionId: string, t: RowTuple): MessageRow {
  const row: MessageRow = { sessionId, seq: t[0], direction: t[1], kind: t[2], bytes: t[3], at: t[4], preview: t[5] };
  if (t[6] != null) row.ops = t[6];
  if (t[7] != null) row.tool = true;
  if (t[8] != null) row.cause = t[8];
  return row;
}

export function expandChain(sessionId: string, t: ChainTuple): CausalChain {
  const chain: CausalChain = { sessionId, seq: t[0], id: t[2], control: t[3], event: t[4], at: t[1], changed: t[7].map(expandChange), more: t[8], patches: t[9].map(([seq, bytes, ops]) => ({ seq, bytes, ops })), done: t[5] === 1 };
  if (t[12] != null) chain.cause = t[12];
  if (t[11] != null) chain.clientSeq = t[11];
  if (t[6]) {
    chain.handler = { ms: t[6][0], syncMs: t[6][1] };
    if (t[6][2] != null) chain.handler.error = t[6][2];
  }
  if (t[10] != null) chain.roundTripMs = t[10];
  return chain;
}

function expandChange(t: ChangeTuple): ChainChange {
  const change: ChainChange = { id: t[0], label: t[1], op: t[2] };
  if (t[3]) change.props = t[3];
  if (t[4]) change.values = t[4].map((v) => (Array.isArray(v) ? { name: v[0], before: v[1], after: v[2] } : v));
  if (t[5] != null) change.parent = t[5];
  return change;
}
