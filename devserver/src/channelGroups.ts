import { tallyRow, THIN_ROWS_KEPT, type CausalChain, type FrameGroup, type MessageRow, type TreeOp, type TreeSetOp } from "@weft/protocol/channel";
import { chainTupleJson, rowTupleJson, treeOpsJson } from "./channelJson.ts";
import { Utf8Chunks } from "./utf8Chunks.ts";

/**
 * What one tool's frame gathers of a session (`Channel.group`): a busy session sends a tool one
 * message of each kind per frame (up to 100 ms of its traffic, channelFrames.ts), not one per app event and kind.
 */

/**
 * The tree ops of one session in a frame, as one `tree-ops` message, the `set`s of one control
 * between two structural ops folded into one (a counter clicked 80 times in a frame: one op
 * with its last summary; sets of different controls do not depend on each other's order).
 * Every tool gets them so; an older tool reads a `tree-ops` message as it always did.
 */
export class TreeOpsGroup implements FrameGroup {
  private readonly ops: TreeOp[] = [];
  /** The `set` of each control since the last structural op: a later one is folded into it. */
  private readonly sets = new Map<number, number>();
  /** The folded sets, this group's own copies: folded into again in place, not copied per event. */
  private readonly own = new Set<TreeSetOp>();

  constructor(private readonly sessionId: string) {}

  add(ops: readonly TreeOp[]): void {
    for (const op of ops) {
      if (op.op !== "set") {
        // Sets on either side of an insert, remove or move stay apart: their order matters then.
        this.sets.clear();
        this.ops.push(op);
        continue;
      }
      const at = this.sets.get(op.id);
      if (at === undefined) {
        this.sets.set(op.id, this.ops.length);
        this.ops.push(op);
      } else {
        const earlier = this.ops[at] as TreeSetOp;
        if (this.own.has(earlier)) foldInto(earlier, op);
        else {
          // A copy: the ops are the agent's, shared by every tool's frame.
          const copy = foldInto({ ...earlier }, op);
          this.own.add(copy);
          this.ops[at] = copy;
        }
      }
    }
  }

  json(): string {
    return treeOpsJson({ type: "tree-ops", sessionId: this.sessionId, ops: this.ops });
  }
}

/** Two sets of one control as one (`out`, the earlier one's copy): each field the later one says (it changed again) wins. */
function foldInto(out: TreeSetOp, later: TreeSetOp): TreeSetOp {
  if (later.k !== undefined) out.k = later.k;
  if (later.s !== undefined) out.s = later.s;
  if (later.x !== undefined) out.x = later.x;
  if (later.e !== undefined) out.e = later.e;
  return out;
}

/**
 * Compact rows or chains of one session in a frame (`rows`, `chains`: protocol's compact.ts),
 * each part a tuple already written once for every tool that asked for the compact form, and
 * kept as UTF-8 bytes until the frame leaves (utf8Chunks.ts: off the JS heap meanwhile).
 */
export class TupleGroup implements FrameGroup {
  private readonly out = new Utf8Chunks();
  private parts = 0;
  /** A `chains` group's round trips (`[seq, roundTripMs]`), written after its chains. */
  private trips: Utf8Chunks | null = null;
  private written: Buffer[] | null = null;

  constructor(type: "rows" | "chains", sessionId: string) {
    this.out.write(`{"type":"${type}","sessionId":${JSON.stringify(sessionId)},"${type}":[`);
  }

  add(tupleJson: string): void {
    // One write per part (each costs a call into Node's encoder), the comma joined to it.
    this.out.write(this.parts++ > 0 ? `,${tupleJson}` : tupleJson);
  }

  /**
   * A chain sent before, again only for its round trip: the tool applies these after this
   * group's chains, so a chain added here later still comes before its round trip.
   */
  addRoundTrip(seq: number, roundTripMs: number): void {
    if (this.trips) this.trips.write(`,[${seq},${roundTripMs}]`);
    else (this.trips = new Utf8Chunks(1024)).write(`,"roundTrips":[[${seq},${roundTripMs}]`);
  }

  /** The message's JSON as UTF-8 (the frame leaves: nothing is added after). */
  chunks(): Buffer[] {
    if (!this.written) {
      this.out.write("]");
      const tail = Buffer.from(this.trips ? "]}" : "}");
      this.written = [...this.out.chunks(), ...(this.trips?.chunks() ?? []), tail];
    }
    return this.written;
  }

  json(): string {
    return Buffer.concat(this.chunks()).toString();
  }
}

/**
 * A thinned `rows` message of one session in a frame (`watch { thin: true }`): the group keeps
 * the row objects themselves (the agent's, not copied) and writes nothing while the frame
 * gathers. When it leaves, only the newest `THIN_ROWS_KEPT` become tuples; the older ones are
 * said as one `skipped` range with their counts and bytes, which the tool fetches with
 * `get-rows` when a view needs them. A busy session's 100 ms frame so costs 64 tuples, not
 * thousands; a quiet one's (a click's reaction: a handful of rows) is every row in full, as a
 * `TupleGroup` writes it.
 */
export class ThinRowsGroup implements FrameGroup {
  private readonly ring: Newest<MessageRow>;
  /** What the rows pushed out of the ring add up to (`SkippedRows`' fields). */
  private readonly skipped = { from: 0, to: 0, count: 0, countIn: 0, bytesIn: 0, bytesOut: 0, tool: 0, toolIn: 0, toolBytesIn: 0, toolBytesOut: 0 };
  private written: string | null = null;

  constructor(
    private readonly sessionId: string,
    kept = THIN_ROWS_KEPT,
  ) {
    this.ring = new Newest(kept);
  }

  add(row: MessageRow): void {
    const old = this.ring.push(row);
    if (old === undefined) return;
    const s = this.skipped;
    if (s.count === 0) s.from = old.seq;
    s.to = old.seq;
    tallyRow(s, old, 1);
  }

  json(): string {
    if (this.written !== null) return this.written;
    let out = `{"type":"rows","sessionId":${JSON.stringify(this.sessionId)},"rows":${this.ring.json(rowTupleJson)}`;
    const s = this.skipped;
    if (s.count > 0) {
      out += `,"skipped":[${s.from},${s.to},${s.count},${s.countIn},${s.bytesIn},${s.bytesOut}`;
      if (s.tool > 0) out += `,${s.tool},${s.toolIn},${s.toolBytesIn},${s.toolBytesOut}`;
      out += "]";
    }
    return (this.written = out + "}");
  }

  chunks(): Buffer[] {
    return [Buffer.from(this.json())];
  }
}

/**
 * A thinned `chains` message of one session in a frame (`watch { thin: true }`): as
 * `ThinRowsGroup`, the chain objects kept and only the newest `THIN_ROWS_KEPT` written when the
 * frame leaves, the older ones said as `skipped: [fromSeq, toSeq, count]` (the tool fetches them
 * with `get-chains` when a view opens one). Round trips are written as they come (~15 bytes):
 * one for a chain the tool was not sent joins nothing, and costs less than knowing which.
 */
export class ThinChainsGroup implements FrameGroup {
  private readonly ring: Newest<CausalChain>;
  private skipped = { from: 0, to: 0, count: 0 };
  private trips = "";
  private written: string | null = null;

  constructor(
    private readonly sessionId: string,
    kept = THIN_ROWS_KEPT,
  ) {
    this.ring = new Newest(kept);
  }

  add(chain: CausalChain): void {
    const old = this.ring.push(chain);
    if (old === undefined) return;
    if (this.skipped.count++ === 0) this.skipped.from = old.seq;
    this.skipped.to = old.seq;
  }

  addRoundTrip(seq: number, roundTripMs: number): void {
    this.trips += `${this.trips ? "," : ""}[${seq},${roundTripMs}]`;
  }

  json(): string {
    if (this.written !== null) return this.written;
    let out = `{"type":"chains","sessionId":${JSON.stringify(this.sessionId)},"chains":${this.ring.json(chainTupleJson)}`;
    if (this.trips) out += `,"roundTrips":[${this.trips}]`;
    const s = this.skipped;
    if (s.count > 0) out += `,"skipped":[${s.from},${s.to},${s.count}]`;
    return (this.written = out + "}");
  }

  chunks(): Buffer[] {
    return [Buffer.from(this.json())];
  }
}

/** The newest `size` items added (a ring): `push` hands back the one it pushed out. */
class Newest<T> {
  private readonly items: T[] = [];
  /** Where the next item goes once the ring is full: the oldest one's slot. */
  private next = 0;

  constructor(private readonly size: number) {}

  push(item: T): T | undefined {
    if (this.items.length < this.size) {
      this.items.push(item);
      return undefined;
    }
    const old = this.items[this.next];
    this.items[this.next] = item;
    this.next = (this.next + 1) % this.size;
    return old;
  }

  /** `[…]`, oldest first, each item written by `write`. */
  json(write: (item: T) => string): string {
    const n = this.items.length;
    let out = "[";
    for (let i = 0; i < n; i++) out += (i > 0 ? "," : "") + write(this.items[(this.next + i) % n]!);
    return out + "]";
  }
}
