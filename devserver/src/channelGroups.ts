import type { FrameGroup, TreeOp, TreeSetOp } from "@weft/protocol/channel";
import { treeOpsJson } from "./channelJson.ts";
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
