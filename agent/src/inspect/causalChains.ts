import type { PatchOp } from "@weft/protocol";
import type { CausalChain, ChainChange } from "@weft/protocol/channel";

export interface ChainLimits {
  /** Finished chains kept per session (for `get-chains`). Default 1,000. */
  kept: number;
  /** Events still waiting for their handler, per session; older ones are given up. Default 200. */
  open: number;
  /** Controls named per chain. Default 50. */
  changed: number;
}

export const chainDefaults: ChainLimits = { kept: 1_000, open: 200, changed: 50 };

interface PendingPatch {
  /** Order of arrival, to compare with a chain's event. */
  tick: number;
  seq: number | null;
  bytes: number;
  ops: number;
  /** Named when the patch went out: a removed control is still known then. */
  changes: ChainChange[];
}

interface SessionChains {
  open: { chain: CausalChain; tick: number }[];
  /** Patches no handler has claimed yet, oldest first. */
  unclaimed: PendingPatch[];
  kept: CausalChain[];
  /** Chains by the browser's event number, for its `timing`. */
  byClientSeq: Map<number, CausalChain>;
}

/**
 * Joins what happens to one browser event into a causal chain: event frame → handler (ms) →
 * controls changed → patch frames (bytes) → the browser's round trip. No other devtool shows
 * this (live-debugger#793, djust#187, playwright#10996 ask for parts of it).
 *
 * The runtime processes an event in a fixed order (runtime/src/session/session.ts `runHandler`):
 * the event frame arrives, the handler runs, what it changed is flushed as patches, and only then
 * is the handler reported. So a handler claims the patches flushed since its own event arrived
 * that no other handler claimed first. Overlapping async handlers share fairly: each claims only
 * what came after its event; patches of background tasks (no event) are never claimed.
 */
export class ChainTracker {
  private readonly sessions = new Map<string, SessionChains>();
  private tick = 0;

  constructor(
    private readonly emit: (chain: CausalChain) => void,
    private readonly labelOf: (sessionId: string, id: number) => string,
    private readonly limits: ChainLimits = chainDefaults,
  ) {}

  /** An `event` frame arrived from the tab. */
  event(sessionId: string, seq: number, at: number, text: string): void {
    let parsed: { id?: unknown; name?: unknown; seq?: unknown };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      return;
    }
    if (typeof parsed.id !== "number" || typeof parsed.name !== "string") return;
    const s = this.of(sessionId);
    const chain: CausalChain = {
      sessionId,
      seq,
      id: parsed.id,
      control: this.labelOf(sessionId, parsed.id),
      event: parsed.name,
      at,
      changed: [],
      more: 0,
      patches: [],
      done: false,
    };
    if (typeof parsed.seq === "number") {
      chain.clientSeq = parsed.seq;
      s.byClientSeq.set(parsed.seq, chain);
    }
    // An event whose handler never ran (its control went away, or is disabled) is given up.
    while (s.open.length > 0 && (s.open.length >= this.limits.open || at - s.open[0]!.chain.at > 60_000)) this.finish(s, s.open.shift()!.chain);
    s.open.push({ chain, tick: ++this.tick });
  }

  /** A flush sent (or, with the tab away, would have sent) these ops. */
  patch(sessionId: string, ops: readonly PatchOp[], frame: { seq: number; bytes: number } | null): void {
    const s = this.sessions.get(sessionId);
    if (!s || s.open.length === 0) return; // nobody waits: a task's or a swap's update
    const changes: ChainChange[] = [];
    for (const op of ops) {
      const id = op.op === "insert" ? op.node.i : op.id;
      const change: ChainChange = { id, label: this.labelOf(sessionId, id), op: op.op };
      if (op.op === "set") change.props = [...Object.keys(op.props ?? {}), ...(op.h ? ["(handlers)"] : [])];
      changes.push(change);
    }
    s.unclaimed.push({ tick: ++this.tick, seq: frame?.seq ?? null, bytes: frame?.bytes ?? 0, ops: ops.length, changes });
  }

  /** A handler finished. Events of the page itself (`routeChange`) come with the page's id. */
  handler(sessionId: string, id: number, event: string, ms: number, syncMs: number, error?: string): void {
    const s = this.sessions.get(sessionId);
    if (!s) return;
    const index = s.open.findIndex((o) => o.chain.id === id && o.chain.event === event);
    if (index < 0) return; // not a browser event (a page handler, pubsub, a task)
    const { chain, tick } = s.open[index]!;
    s.open.splice(index, 1);
    chain.handler = { ms: round(ms), syncMs: round(syncMs), ...(error !== undefined ? { error } : {}) };
    const keep: PendingPatch[] = [];
    for (const p of s.unclaimed) {
      if (p.tick > tick) this.claim(chain, p);
      else keep.push(p);
    }
    s.unclaimed = keep;
    this.finish(s, chain);
  }

  /** The tab reported the round trip of its event `clientSeq`. */
  timing(sessionId: string, clientSeq: number, ms: number): void {
    const s = this.sessions.get(sessionId);
    const chain = s?.byClientSeq.get(clientSeq);
    if (!s || !chain) return;
    s.byClientSeq.delete(clientSeq);
    chain.roundTripMs = round(ms);
    if (chain.done) this.emit(chain);
  }

  recent(sessionId: string): CausalChain[] {
    return this.sessions.get(sessionId)?.kept.slice() ?? [];
  }

  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  private claim(chain: CausalChain, patch: PendingPatch): void {
    chain.patches.push({ seq: patch.seq, bytes: patch.bytes, ops: patch.ops });
    for (const change of patch.changes) {
      const existing = chain.changed.find((c) => c.id === change.id && c.op === change.op);
      if (existing) {
        for (const name of change.props ?? []) if (!existing.props!.includes(name)) existing.props!.push(name);
        continue;
      }
      if (chain.changed.length >= this.limits.changed) chain.more++;
      else chain.changed.push(change);
    }
  }

  private finish(s: SessionChains, chain: CausalChain): void {
    chain.done = true;
    s.kept.push(chain);
    if (s.kept.length > this.limits.kept) {
      const gone = s.kept.shift()!;
      if (gone.clientSeq !== undefined && s.byClientSeq.get(gone.clientSeq) === gone) s.byClientSeq.delete(gone.clientSeq);
    }
    // Only the oldest open event can still claim patches older than every other: drop the rest.
    const oldest = s.open[0]?.tick ?? Infinity;
    s.unclaimed = s.unclaimed.filter((p) => p.tick > oldest);
    this.emit(chain);
  }

  private of(sessionId: string): SessionChains {
    let s = this.sessions.get(sessionId);
    if (!s) this.sessions.set(sessionId, (s = { open: [], unclaimed: [], kept: [], byClientSeq: new Map() }));
    return s;
  }
}

/** Milliseconds to the microsecond: finer is noise, and every digit is sent to every tool. */
const round = (ms: number) => Math.round(ms * 1000) / 1000;
