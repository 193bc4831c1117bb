import type { PatchOp, WireNode } from "@weft/protocol";
import type { HistoryChange, HistoryResult } from "@weft/protocol/channel";
import { copyOps, TreeMirror } from "./treeMirror.ts";

export interface HistoryLimits {
  /** Patches kept per session. Default 2,000. */
  patches: number;
  /** Ops kept per session, all patches together. Default 200,000. */
  ops: number;
}

export const historyDefaults: HistoryLimits = { patches: 2_000, ops: 200_000 };

interface Step {
  /** The message seq after which this patch applies (the patch frame's own row, when sent). */
  seq: number;
  ops: PatchOp[];
}

/**
 * A session's tree over time, for the inspector's time travel: the tree as it was at the oldest
 * kept message (`base`), the patches since (a ring buffer bounded by `HistoryLimits`), and the
 * tree now (`current`). The tree after any kept message is `base` plus the patches up to it,
 * rebuilt on request. Dropping the oldest patch folds it into `base`, so memory stays bounded
 * by the limits plus two copies of the tree (Redux DevTools' `maxAge`, for server state).
 */
export class SessionHistory {
  private base: TreeMirror | null = null;
  private baseSeq = 0;
  /** Kept patches from `head` on; the slots before it are emptied as patches are dropped. */
  private steps: (Step | undefined)[] = [];
  private head = 0;
  private opCount = 0;
  private lastSeq = 0;
  /** The tree as the tab holds it now (null before the first page). */
  current: TreeMirror | null = null;
  /** Why the history restarted, if an op did not fit (shown by the inspector). */
  broken: string | null = null;

  constructor(private readonly limits: HistoryLimits = historyDefaults) {}

  /** A message went by: the slider's range grows. */
  noteMessage(seq: number): void {
    this.lastSeq = seq;
  }

  /** A whole page (`registered`, first or on resume): history starts again from it. */
  page(seq: number, page: WireNode): void {
    this.base = TreeMirror.fromPage(page);
    this.current = TreeMirror.fromPage(page);
    this.baseSeq = seq;
    this.lastSeq = Math.max(this.lastSeq, seq);
    this.steps = [];
    this.head = 0;
    this.opCount = 0;
    this.broken = null;
  }

  /** A flush's ops, after message `seq`. */
  patch(seq: number, ops: readonly PatchOp[]): void {
    if (!this.current || ops.length === 0) return;
    const copied = copyOps(ops);
    try {
      for (const op of copied) this.current.applyOp(op);
    } catch (err) {
      // Loud, then start over at the next page: a history that drifted would show wrong trees.
      this.broken = (err as Error).message;
      this.base = this.current = null;
      this.steps = [];
      this.head = 0;
      this.opCount = 0;
      return;
    }
    this.steps.push({ seq, ops: copied });
    this.opCount += copied.length;
    this.lastSeq = Math.max(this.lastSeq, seq);
    while (this.steps.length - this.head > this.limits.patches || (this.opCount > this.limits.ops && this.steps.length - this.head > 1)) this.dropOldest();
    if (this.head > 1024 && this.head * 2 > this.steps.length) {
      this.steps = this.steps.slice(this.head);
      this.head = 0;
    }
  }

  /** Kept patches. */
  get size(): number {
    return this.steps.length - this.head;
  }

  /** The oldest message the history can show the tree after. */
  get firstSeq(): number {
    return this.baseSeq;
  }

  /**
   * The tree after message `seq` (clamped to what is kept) with every prop, as the tab held it:
   * the first page of a recording exported from the middle of a session. Null before the first page.
   */
  wireAt(seq: number): WireNode | null {
    if (!this.base) return null;
    const mirror = this.base.clone();
    for (let i = this.head; i < this.steps.length && this.steps[i]!.seq <= seq; i++) for (const op of this.steps[i]!.ops) mirror.applyOp(op);
    return mirror.root === null ? null : mirror.toWire(mirror.root);
  }

  /** The tree after message `seq` (default: now) and the next patch's changes with before/after values. */
  at(sessionId: string, seq?: number): HistoryResult {
    const first = this.baseSeq;
    const last = Math.max(this.lastSeq, first);
    const steps: number[] = [];
    for (let i = this.head; i < this.steps.length; i++) {
      const s = this.steps[i]!.seq;
      if (steps[steps.length - 1] !== s) steps.push(s);
    }
    const target = seq === undefined ? last : Math.min(Math.max(seq, first), last);
    if (!this.base) return { sessionId, seq: target, first, last, steps, root: null, next: null };
    let mirror: TreeMirror;
    let i = this.head;
    if (target >= last) {
      mirror = this.current!;
      i = this.steps.length;
    } else {
      mirror = this.base.clone();
      for (; i < this.steps.length && this.steps[i]!.seq <= target; i++) for (const op of this.steps[i]!.ops) mirror.applyOp(op);
    }
    let next: HistoryResult["next"] = null;
    if (i < this.steps.length) {
      // Every patch after the same message is one step on the slider: describe them together.
      const nextSeq = this.steps[i]!.seq;
      const changes: HistoryChange[] = [];
      const scratch = mirror === this.current ? mirror.clone() : mirror;
      const root = scratch.toTree();
      for (; i < this.steps.length && this.steps[i]!.seq === nextSeq; i++) {
        for (const op of this.steps[i]!.ops) {
          changes.push(scratch.describe(op));
          scratch.applyOp(op);
        }
      }
      return { sessionId, seq: target, first, last, steps, root, next: { seq: nextSeq, changes } };
    }
    return { sessionId, seq: target, first, last, steps, root: mirror.toTree(), next };
  }

  private dropOldest(): void {
    const step = this.steps[this.head]!;
    this.steps[this.head] = undefined; // let the dropped patch's ops go
    this.head++;
    this.opCount -= step.ops.length;
    for (const op of step.ops) this.base!.applyOp(op);
    this.baseSeq = step.seq;
  }
}
