import type { PatchOp, WireNode } from "@weft/protocol";
import { ClientMirror } from "weft/testing";
import { controlLabel, type HistoryChange, type TreeNode } from "@weft/protocol/channel";
import { toTreeNode } from "../channelTree.ts";

/**
 * A session's tree as its tab holds it, rebuilt from what the server sent (`registered` pages and
 * patch ops) by the same rules as the headless client's copy it extends (weft/testing's
 * ClientMirror), with what time travel needs on top. The history keeps two: one at
 * the oldest kept message and one now. It never keeps references into the runtime: ops are copied
 * as they are applied, so the live controls can change under it.
 *
 * Applying an op that does not fit (an unknown id) throws with the ids, like the renderer's store:
 * the history is then reset from the next full page rather than drifting silently.
 */
export class TreeMirror extends ClientMirror {
  static fromPage(page: WireNode): TreeMirror {
    const mirror = new TreeMirror();
    mirror.reset(page);
    return mirror;
  }

  clone(): TreeMirror {
    return this.copyInto(new TreeMirror());
  }

  label(id: number): string {
    const node = this.nodes.get(id);
    return node ? controlLabel(node.n ?? node.t, id, node.p.key) : controlLabel("control", id);
  }

  /** What `op` changes, described against this mirror before it is applied (before → after). */
  describe(op: PatchOp): HistoryChange {
    switch (op.op) {
      case "set": {
        const node = this.nodes.get(op.id);
        const props = Object.entries(op.props ?? {}).map(([name, after]) => ({ name, before: node?.p[name] ?? null, after }));
        const change: HistoryChange = { op: "set", id: op.id, label: this.label(op.id), props };
        if (op.h) change.handlers = { before: node?.h.slice() ?? [], after: op.h.slice() };
        return change;
      }
      case "insert":
        return { op: "insert", id: op.node.i, label: controlLabel(op.node.n ?? op.node.t, op.node.i, op.node.p.key), parent: this.label(op.parent), slot: op.slot, nodes: countWire(op.node) };
      case "remove":
        return { op: "remove", id: op.id, label: this.label(op.id), parent: this.label(op.parent), slot: op.slot, nodes: this.count(op.id) };
      case "move":
        return { op: "move", id: op.id, label: this.label(op.id), parent: this.label(op.parent), slot: op.slot };
      default: {
        const unknown: never = op;
        throw new Error(`history: unknown op ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** The structure under `id` as the channel's tree carries it, with summaries. */
  toTree(id = this.root): TreeNode | null {
    const wire = this.toWire(id);
    return wire ? toTreeNode(wire) : null;
  }
}

function countWire(node: WireNode): number {
  let n = 1;
  if (node.c) for (const slot in node.c) for (const child of node.c[slot]!) n += countWire(child);
  return n;
}

/**
 * A patch's ops, detached from the runtime: an inserted node's `p` is the live control's own
 * props object (runtime/src/session/wireNode.ts), which later changes would rewrite in place.
 */
export function copyOps(ops: readonly PatchOp[]): PatchOp[] {
  return ops.map((op) => (op.op === "insert" ? { ...op, node: copyWire(op.node) } : op.op === "set" ? { ...op, ...(op.props ? { props: { ...op.props } } : {}) } : op));
}

function copyWire(node: WireNode): WireNode {
  const copy: WireNode = { i: node.i, t: node.t, p: { ...node.p } };
  if (node.n) copy.n = node.n;
  if (node.h) copy.h = node.h.slice();
  if (node.c) {
    copy.c = {};
    for (const slot in node.c) copy.c[slot] = node.c[slot]!.map(copyWire);
  }
  return copy;
}
