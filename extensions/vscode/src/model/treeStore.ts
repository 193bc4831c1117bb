import type { TreeNode, TreeOp } from "@weft/agent/channel";
import { Emitter } from "./emitter.ts";

/** One control of the watched session's tree, as the Control Tree view shows it. */
export interface ControlNode {
  readonly id: number;
  /** The drawn type (`Row`). */
  readonly type: string;
  /** The class or component name when it differs (`TodoItem`). */
  readonly name?: string;
  key?: string;
  /** A short text of the main prop (`"Hello"` for a Text), when the devserver sends one. */
  summary?: string;
  parent: ControlNode | null;
  /** The parent's slot this node sits in (`controls`, `content`, `appbar`…). */
  slot: string | null;
  /** Children by slot, each list in order; slots in the order they were first filled. */
  readonly slots: Map<string, ControlNode[]>;
}

/** What changed: everything (a new tree), or these nodes' own rows and children. */
export type TreeChange = { reset: true } | { reset: false; nodes: ControlNode[] };

/** The tree and an op disagree (an id we do not have, or have twice): the store must be reloaded. */
export class TreeOutOfSyncError extends Error {
  override name = "TreeOutOfSyncError";
  readonly code = "TREE_OUT_OF_SYNC";
}

/**
 * The structure of one session's control tree, kept current by the devserver's `tree-ops`
 * (never re-fetched whole: the Flutter sidebar's "empty until Refresh" and its full reloads of
 * big trees are what this avoids). Like React DevTools' store it fails loudly, naming the ids,
 * on an op that does not fit; the caller then asks for the whole tree again.
 */
export class TreeStore {
  private readonly byId = new Map<number, ControlNode>();
  private rootNode: ControlNode | null = null;
  private readonly changed = new Emitter<TreeChange>();
  readonly onDidChange = this.changed.event;

  get root(): ControlNode | null {
    return this.rootNode;
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: number): ControlNode | undefined {
    return this.byId.get(id);
  }

  /** All children over all slots, in slot order. */
  children(node: ControlNode): ControlNode[] {
    if (node.slots.size === 1) return node.slots.values().next().value!;
    const all: ControlNode[] = [];
    for (const list of node.slots.values()) all.push(...list);
    return all;
  }

  /** The nodes from the root down to `id` (for revealing it), or null. */
  pathTo(id: number): ControlNode[] | null {
    const path: ControlNode[] = [];
    for (let node = this.byId.get(id) ?? null; node; node = node.parent) path.unshift(node);
    return path.length ? path : null;
  }

  /** Replaces the whole tree (the answer to `watch`), or empties it with null. */
  reset(root: TreeNode | null): void {
    this.byId.clear();
    this.rootNode = root ? this.build(root, null, null) : null;
    this.changed.fire({ reset: true });
  }

  /**
   * Applies a batch of ops in order and announces the nodes whose rows or children changed.
   * Throws TreeOutOfSyncError (after announcing a reset) when an op does not fit.
   */
  apply(ops: readonly TreeOp[]): void {
    const touched = new Set<ControlNode>();
    try {
      for (const op of ops) this.applyOne(op, touched);
    } catch (err) {
      this.changed.fire({ reset: true });
      throw err;
    }
    // A node whose parent is announced too is redrawn with it.
    const nodes = [...touched].filter((n) => this.byId.get(n.id) === n && !hasAncestorIn(n, touched));
    if (nodes.length) this.changed.fire({ reset: false, nodes });
  }

  private applyOne(op: TreeOp, touched: Set<ControlNode>): void {
    switch (op.op) {
      case "set": {
        // `s`: the summary, sent by devservers that have it (read loosely: it came later).
        const summary = (op as { s?: string | null }).s;
        if (op.k === undefined && summary === undefined) return; // other props changed: nothing the row shows
        const node = this.need(op.id, "set");
        if (op.k === null) delete node.key;
        else if (op.k !== undefined) node.key = op.k;
        if (summary === null) delete node.summary;
        else if (summary !== undefined) node.summary = summary;
        touched.add(node);
        return;
      }
      case "insert": {
        const parent = this.need(op.parent, "insert into");
        // A control moved to another parent may arrive here before its removal from the old one:
        // it moves (docs/protocol.md), and the later remove finds nothing to do.
        const shown = this.byId.get(op.node.i);
        if (shown) {
          if (shown.parent) {
            const old = shown.parent.slots.get(shown.slot!);
            const at = old?.indexOf(shown) ?? -1;
            if (old && at >= 0) old.splice(at, 1);
            if (old && old.length === 0) shown.parent.slots.delete(shown.slot!);
            touched.add(shown.parent);
          }
          this.forget(shown);
        }
        const node = this.build(op.node, parent, op.slot);
        insertBefore(this.list(parent, op.slot), node, op.before, op);
        touched.add(parent);
        return;
      }
      case "remove": {
        const parent = this.need(op.parent, "remove from");
        const node = this.need(op.id, "remove");
        const list = parent.slots.get(op.slot);
        const at = list?.indexOf(node) ?? -1;
        if (at < 0 && node.parent !== parent) return; // it moved to another parent in this batch
        if (!list || at < 0) throw new TreeOutOfSyncError(`control ${op.id} is not in slot '${op.slot}' of control ${op.parent}`);
        list.splice(at, 1);
        if (list.length === 0) parent.slots.delete(op.slot);
        this.forget(node);
        touched.add(parent);
        return;
      }
      case "move": {
        const parent = this.need(op.parent, "move in");
        const node = this.need(op.id, "move");
        const list = parent.slots.get(op.slot);
        const at = list?.indexOf(node) ?? -1;
        if (!list || at < 0) throw new TreeOutOfSyncError(`control ${op.id} is not in slot '${op.slot}' of control ${op.parent}`);
        list.splice(at, 1);
        insertBefore(list, node, op.before, op);
        touched.add(parent);
        return;
      }
      default: {
        const unknown: never = op;
        throw new TreeOutOfSyncError(`unknown tree op '${(unknown as { op: string }).op}'`);
      }
    }
  }

  private build(wire: TreeNode, parent: ControlNode | null, slot: string | null): ControlNode {
    if (this.byId.has(wire.i)) throw new TreeOutOfSyncError(`cannot add control ${wire.i}: it is already in the tree`);
    const node: ControlNode = { id: wire.i, type: wire.t, parent, slot, slots: new Map() };
    if (wire.n !== undefined) (node as { name?: string }).name = wire.n;
    if (wire.k !== undefined) node.key = wire.k;
    const summary = (wire as { s?: string }).s;
    if (summary !== undefined) node.summary = summary;
    this.byId.set(node.id, node);
    for (const [name, children] of Object.entries(wire.c ?? {})) {
      if (children.length) node.slots.set(name, children.map((child) => this.build(child, node, name)));
    }
    return node;
  }

  private list(parent: ControlNode, slot: string): ControlNode[] {
    let list = parent.slots.get(slot);
    if (!list) parent.slots.set(slot, (list = []));
    return list;
  }

  private forget(node: ControlNode): void {
    this.byId.delete(node.id);
    for (const list of node.slots.values()) for (const child of list) this.forget(child);
  }

  private need(id: number, doing: string): ControlNode {
    const node = this.byId.get(id);
    if (!node) throw new TreeOutOfSyncError(`cannot ${doing} control ${id}: it is not in the tree`);
    return node;
  }
}

function insertBefore(list: ControlNode[], node: ControlNode, before: number | null, op: TreeOp): void {
  if (before === null) {
    list.push(node);
    return;
  }
  const at = list.findIndex((n) => n.id === before);
  if (at < 0) throw new TreeOutOfSyncError(`cannot ${op.op} control ${node.id} before control ${before}: no such sibling`);
  list.splice(at, 0, node);
}

function hasAncestorIn(node: ControlNode, set: Set<ControlNode>): boolean {
  for (let p = node.parent; p; p = p.parent) if (set.has(p)) return true;
  return false;
}

/** The tree as indented text, one control a line (`Row "inc" #5`): for tests and the clipboard. */
export function formatTree(store: TreeStore): string {
  const lines: string[] = [];
  const walk = (node: ControlNode, depth: number) => {
    lines.push(`${"  ".repeat(depth)}${describeNode(node)}`);
    for (const child of store.children(node)) walk(child, depth + 1);
  };
  if (store.root) walk(store.root, 0);
  return lines.join("\n");
}

/** `TodoItem(Row) "todo-milk" #12`: the name, the drawn type when different, the key, the id. */
export function describeNode(node: ControlNode): string {
  const name = node.name ? `${node.name}(${node.type})` : node.type;
  return `${name}${node.key !== undefined ? ` "${node.key}"` : ""} #${node.id}`;
}
