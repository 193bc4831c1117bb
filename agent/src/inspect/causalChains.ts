import type { PatchOp } from "@weft/protocol";
import type { CausalChain, ChainChange } from "@weft/protocol/channel";
import { roundMs as round } from "../time.ts";

export interface ChainLimits {
  /** Finished chains kept per session (for `get-chains`). Default 1,000. */
  kept: number;
  /** Events still waiting for their handler, per session; older ones are given up. Default 200. */
  open: number;
  /** Controls named per chain. Default 50. */
  changed: number;
}

export const chainDefaults: ChainLimits = { kept: 1_000, open: 200, changed: 50 };

/** What a `set` op changed, value by value, read from the tree as it was before the op. */
export type DescribeSet = (op: Extract<PatchOp, { op: "set" }>) => { name: string; before: unknown; after: unknown }[];

/** A cause other than a browser event: a hot swap, a prop edited in a tool, the console. */
export interface ChainCause {
  kind: "swap" | "edit" | "console";
  /** What was done, as the chain says it: `swap #3`, `set value`, the expression. */
  label: string;
  /** The control it was aimed at (an edit), else the session's page. */
  id: number;
}

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
  /** The chain of a cause (swap, edit, console) that patches are going to now. */
  caused: CausalChain | null;
}

/** Values longer than this are cut in a chain: it goes to every tool watching the session. */
const VALUE_CHARS = 200;

/**
 * Joins what happens to one browser event into a causal chain: event frame → handler (ms) →
 * controls changed, each prop with its value before and after → patch frames (bytes) → the
 * browser's round trip. No other devtool shows this (live-debugger#793, djust#187,
 * playwright#10996 ask for parts of it; react#16481 for the before/after values).
 *
 * The runtime processes an event in a fixed order (runtime/src/session/session.ts `runHandler`):
 * the event frame arrives, the handler runs, what it changed is flushed as patches, and only then
 * is the handler reported. So a handler claims the patches flushed since its own event arrived
 * that no other handler claimed first. Overlapping async handlers share fairly: each claims only
 * what came after its event; patches of background tasks (no event) are never claimed.
 *
 * Patches that no event caused but a known cause did (a hot swap, a prop edited in a tool, the
 * console) form a chain of their own, started with `begin` and ended with `end`.
 */
export class ChainTracker {
  private readonly sessions = new Map<string, SessionChains>();
  private tick = 0;

  constructor(
    /** `roundTripOnly`: the chain went out finished before; only its `roundTripMs` is new. */
    private readonly emit: (chain: CausalChain, roundTripOnly: boolean) => void,
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

  /** Whether the session has an event whose handler has not finished: its patches are the event's. */
  waiting(sessionId: string): boolean {
    return (this.sessions.get(sessionId)?.open.length ?? 0) > 0;
  }

  /**
   * A flush sent (or, with the tab away, would have sent) these ops; `describe` reads each set's
   * values before and after. Goes to the running cause's chain when no event waits for it.
   */
  patch(sessionId: string, ops: readonly PatchOp[], frame: { seq: number; bytes: number } | null, describe?: DescribeSet): void {
    const s = this.sessions.get(sessionId);
    if (!s || (s.open.length === 0 && !s.caused)) return; // nobody waits: a task's update
    const patch: PendingPatch = { tick: ++this.tick, seq: frame?.seq ?? null, bytes: frame?.bytes ?? 0, ops: ops.length, changes: this.changesOf(sessionId, ops, describe) };
    if (s.open.length === 0 && s.caused) {
      if (s.caused.patches.length === 0 && patch.seq !== null) s.caused.seq = patch.seq;
      this.claim(s.caused, patch);
      return;
    }
    s.unclaimed.push(patch);
  }

  /** A handler finished. Events of the page itself (`routeChange`) come with the page's id. */
  handler(sessionId: string, id: number, event: string, ms: number, syncMs: number, error?: string): void {
    const s = this.sessions.get(sessionId);
    if (!s) return;
    const index = s.open.findIndex((o) => o.chain.id === id && o.chain.event === event);
    if (index < 0) return; // not a browser event (a page handler, pubsub, a task)
    const { chain, tick } = s.open[index]!;
    s.open.splice(index, 1);
    if (Number.isFinite(ms)) {
      // Built, not spread: JSON.stringify writes a spread literal's shape slower (agent.ts, "handler").
      chain.handler = { ms: round(ms), syncMs: round(syncMs) };
      if (error !== undefined) chain.handler.error = error;
    }
    const keep: PendingPatch[] = [];
    for (const p of s.unclaimed) {
      if (p.tick > tick) this.claim(chain, p);
      else keep.push(p);
    }
    s.unclaimed = keep;
    this.finish(s, chain);
  }

  /**
   * Finishes every event still waiting, oldest first, each with the patches since it (a
   * recording says nothing of handlers: the next browser message ends the events before it).
   */
  settle(sessionId: string): void {
    const s = this.sessions.get(sessionId);
    while (s && s.open.length > 0) {
      const { chain } = s.open[0]!;
      this.handler(sessionId, chain.id, chain.event, NaN, NaN);
    }
  }

  /** The tab reported the round trip of its event `clientSeq`. */
  timing(sessionId: string, clientSeq: number, ms: number): void {
    const s = this.sessions.get(sessionId);
    const chain = s?.byClientSeq.get(clientSeq);
    if (!s || !chain) return;
    s.byClientSeq.delete(clientSeq);
    // The tab times an event by the first patch after it: when the event's handler changed
    // nothing, that patch was another one's (a later click's), and the figure would be false.
    if (chain.done && chain.patches.length === 0) return;
    chain.roundTripMs = round(ms);
    if (chain.done) this.emit(chain, true);
  }

  /** Patches of the session go to a chain of `cause` (when no event waits) until `end`. */
  begin(sessionId: string, cause: ChainCause, at: number): void {
    const s = this.of(sessionId);
    if (s.caused) this.end(sessionId);
    s.caused = {
      sessionId,
      seq: 0,
      cause: cause.kind,
      id: cause.id,
      control: this.labelOf(sessionId, cause.id),
      event: cause.label,
      at,
      changed: [],
      more: 0,
      patches: [],
      done: false,
    };
  }

  /** The cause is over: its chain is kept and sent if it changed anything (`label`: what it turned out to be). */
  end(sessionId: string, label?: string): CausalChain | null {
    const s = this.sessions.get(sessionId);
    const chain = s?.caused ?? null;
    if (!s || !chain) return null;
    s.caused = null;
    if (label !== undefined) chain.event = label;
    if (chain.patches.length === 0) return null;
    this.finish(s, chain);
    return chain;
  }

  /** The label of the running cause of the session, when no event waits (what its patch rows say). */
  causeOf(sessionId: string): string | undefined {
    const s = this.sessions.get(sessionId);
    return s?.caused && s.open.length === 0 ? s.caused.event : undefined;
  }

  recent(sessionId: string): CausalChain[] {
    return this.sessions.get(sessionId)?.kept.slice() ?? [];
  }

  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  private changesOf(sessionId: string, ops: readonly PatchOp[], describe: DescribeSet | undefined): ChainChange[] {
    const changes: ChainChange[] = [];
    for (const op of ops) {
      const id = op.op === "insert" ? op.node.i : op.id;
      const change: ChainChange = { id, label: this.labelOf(sessionId, id), op: op.op };
      if (op.op === "set") {
        change.props = [...Object.keys(op.props ?? {}), ...(op.h ? ["(handlers)"] : [])];
        const values = op.props ? describe?.(op) : undefined;
        if (values?.length) change.values = values.map((v) => ({ name: v.name, before: cut(v.before), after: cut(v.after) }));
      } else if (op.op === "insert" || op.op === "remove") {
        change.parent = `${this.labelOf(sessionId, op.parent)}.${op.slot}`;
      }
      changes.push(change);
    }
    return changes;
  }

  private claim(chain: CausalChain, patch: PendingPatch): void {
    chain.patches.push({ seq: patch.seq, bytes: patch.bytes, ops: patch.ops });
    for (const change of patch.changes) {
      const existing = chain.changed.find((c) => c.id === change.id && c.op === change.op);
      if (existing) {
        for (const name of change.props ?? []) if (!existing.props!.includes(name)) existing.props!.push(name);
        for (const value of change.values ?? []) {
          const known = existing.values?.find((v) => v.name === value.name);
          if (known) known.after = value.after; // first before, last after
          else (existing.values ??= []).push(value);
        }
        continue;
      }
      if (chain.changed.length >= this.limits.changed) chain.more++;
      else chain.changed.push(change);
    }
  }

  private finish(s: SessionChains, chain: CausalChain): void {
    chain.done = true;
    if (chain.patches.length === 0) delete chain.roundTripMs; // timed by another event's patch

    s.kept.push(chain);
    if (s.kept.length > this.limits.kept) {
      const gone = s.kept.shift()!;
      if (gone.clientSeq !== undefined && s.byClientSeq.get(gone.clientSeq) === gone) s.byClientSeq.delete(gone.clientSeq);
    }
    // Only the oldest open event can still claim patches older than every other: drop the rest.
    const oldest = s.open[0]?.tick ?? Infinity;
    s.unclaimed = s.unclaimed.filter((p) => p.tick > oldest);
    this.emit(chain, false);
  }

  private of(sessionId: string): SessionChains {
    let s = this.sessions.get(sessionId);
    if (!s) this.sessions.set(sessionId, (s = { open: [], unclaimed: [], kept: [], byClientSeq: new Map(), caused: null }));
    return s;
  }
}


/** A value as a chain carries it: long strings cut, objects as they are (they are props: JSON). */
function cut(value: unknown): unknown {
  if (typeof value === "string" && value.length > VALUE_CHARS) return value.slice(0, VALUE_CHARS) + "…";
  if (value !== null && typeof value === "object") {
    const text = JSON.stringify(value);
    return text.length > VALUE_CHARS ? text.slice(0, VALUE_CHARS) + "…" : value;
  }
  return value ?? null;
}
