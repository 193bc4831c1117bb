import type { PatchOp, PropValue, WireNode } from "weft/protocol";
import type { TreeNode } from "../channel/messages.ts";
import type { HistoryChange } from "../channel/inspectMessages.ts";
import { labelOf, summarize } from "./summary.ts";

/** One control as the mirror holds it: what the browser was told, with child ids per slot. */
export interface MirrorNode {
  i: number;
  t: string;
  n?: string;
  p: Record<string, PropValue>;
  h: string[];
  c: Record<string, number[]>;
  parent: number | null;
  slot: string | null;
}

/**
 * A session's tree as its tab holds it, rebuilt from what the server sent (`registered` pages and
 * patch ops), the same way the renderer's store does. The time-travel history keeps two: one at
 * the oldest kept message and one now. It never keeps references into the runtime: ops are copied
 * as they are applied, so the live controls can change under it.
 *
 * Applying an op that does not fit (an unknown id) throws with the ids, like the renderer's store:
 * the history is then reset from the next full page rather than drifting silently.
 */
export class TreeMirror {
  readonly nodes = new Map<number, MirrorNode>();
  root: number | null = null;

  static fromPage(page: WireNode): TreeMirror {
    const mirror = new TreeMirror();
    mirror.root = page.i;
    mirror.addSubtree(page, null, null);
    return mirror;
  }

  /** A deep copy (props objects are copied shallowly: ops never mutate values, only replace them). */
  clone(): TreeMirror {
    const copy = new TreeMirror();
    copy.root = this.root;
    for (const [id, node] of this.nodes) {
      const c: Record<string, number[]> = {};
      for (const slot in node.c) c[slot] = node.c[slot]!.slice();
      copy.nodes.set(id, { ...node, p: { ...node.p }, h: node.h.slice(), c });
    }
    return copy;
  }

  label(id: number): string {
    const node = this.nodes.get(id);
    return node ? labelOf(node.n ?? node.t, id, node.p.key) : `#${id}`;
  }

  apply(op: PatchOp): void {
    switch (op.op) {
      case "set": {
        const node = this.need(op.id, op);
        if (op.props) {
          for (const name in op.props) {
            const value = op.props[name]!;
            if (value === null) delete node.p[name];
            else node.p[name] = value;
          }
        }
        if (op.h) node.h = op.h.slice();
        return;
      }
      case "insert": {
        const parent = this.need(op.parent, op);
        if (this.nodes.has(op.node.i)) this.detach(op.node.i); // shown elsewhere: it moves here
        this.addSubtree(op.node, op.parent, op.slot);
        insertBefore((parent.c[op.slot] ??= []), op.node.i, op.before);
        return;
      }
      case "remove": {
        const parent = this.need(op.parent, op);
        const list = parent.c[op.slot];
        const at = list ? list.indexOf(op.id) : -1;
        if (at < 0) {
          const node = this.nodes.get(op.id);
          if (node && node.parent !== op.parent) return; // it moved away in this patch: nothing left here
          throw new Error(`history: remove of #${op.id} from ${op.slot} of #${op.parent}, where it is not`);
        }
        list!.splice(at, 1);
        if (this.nodes.get(op.id)?.parent === op.parent) this.dropSubtree(op.id);
        return;
      }
      case "move": {
        const parent = this.need(op.parent, op);
        const list = parent.c[op.slot];
        const at = list ? list.indexOf(op.id) : -1;
        if (at < 0) throw new Error(`history: move of #${op.id} in ${op.slot} of #${op.parent}, where it is not`);
        list!.splice(at, 1);
        insertBefore(list!, op.id, op.before);
        return;
      }
      default: {
        const unknown: never = op;
        throw new Error(`history: unknown op ${JSON.stringify(unknown)}`);
      }
    }
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
        return { op: "insert", id: op.node.i, label: labelOf(op.node.n ?? op.node.t, op.node.i, op.node.p.key), parent: this.label(op.parent), slot: op.slot, nodes: countWire(op.node) };
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
    if (id === null) return null;
    const node = this.nodes.get(id);
    if (!node) return null;
    const out: TreeNode = { i: node.i, t: node.t };
    if (node.n) out.n = node.n;
    if (node.p.key !== undefined) out.k = String(node.p.key);
    const s = summarize(node.t, node.p);
    if (s !== undefined) out.s = s;
    for (const slot in node.c) {
      const ids = node.c[slot]!;
      if (ids.length === 0) continue;
      const children: TreeNode[] = [];
      for (const child of ids) {
        const t = this.toTree(child);
        if (t) children.push(t);
      }
      (out.c ??= {})[slot] = children;
    }
    return out;
  }

  /** How many nodes the subtree under `id` holds. */
  count(id: number): number {
    const node = this.nodes.get(id);
    if (!node) return 0;
    let n = 1;
    for (const slot in node.c) for (const child of node.c[slot]!) n += this.count(child);
    return n;
  }

  private need(id: number, op: PatchOp): MirrorNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`history: ${op.op} names #${id}, which the history does not hold`);
    return node;
  }

  private addSubtree(wire: WireNode, parent: number | null, slot: string | null): void {
    const c: Record<string, number[]> = {};
    const node: MirrorNode = { i: wire.i, t: wire.t, p: { ...wire.p }, h: wire.h ? wire.h.slice() : [], c, parent, slot };
    if (wire.n) node.n = wire.n;
    this.nodes.set(wire.i, node);
    if (wire.c) {
      for (const name in wire.c) {
        const children = wire.c[name]!;
        c[name] = children.map((child) => child.i);
        for (const child of children) this.addSubtree(child, wire.i, name);
      }
    }
  }

  /** Takes `id` out of its current parent's slot (the subtree stays). */
  private detach(id: number): void {
    const node = this.nodes.get(id)!;
    if (node.parent === null || node.slot === null) return;
    const list = this.nodes.get(node.parent)?.c[node.slot];
    const at = list ? list.indexOf(id) : -1;
    if (at >= 0) list!.splice(at, 1);
    this.dropSubtree(id);
  }

  private dropSubtree(id: number): void {
    const node = this.nodes.get(id);
    if (!node) return;
    this.nodes.delete(id);
    for (const slot in node.c) for (const child of node.c[slot]!) this.dropSubtree(child);
  }
}

function insertBefore(list: number[], id: number, before: number | null): void {
  const at = before === null ? -1 : list.indexOf(before);
  if (at < 0) list.push(id);
  else list.splice(at, 0, id);
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
