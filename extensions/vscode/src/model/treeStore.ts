import {
  applyInfoChange,
  applyTreeOp,
  controlInfo,
  type ControlInfo,
  type TreeNode,
  type TreeOp,
  type TreeSetOp,
  type TreeTarget,
} from "@weft/protocol/channel";
import { Emitter } from "./emitter.ts";

/** One control of the watched session's tree, as the Control Tree view shows it. */
export interface ControlNode extends ControlInfo {
  parent: ControlNode | null;
  /** The parent's slot this node sits in (`controls`, `content`, `appbar`…). */
  slot: string | null;
  /** Children by slot, each list in order; slots in the order they were first filled. */
  readonly slots: Map<string, ControlNode[]>;
}

/** What changed: everything (a new tree), or these nodes' own rows and children. */
export type TreeChange = { reset: true } | { reset: false; nodes: ControlNode[] };

/**
 * The structure of one session's control tree, kept current by the devserver's `tree-ops`
 * (never re-fetched whole: the Flutter sidebar's "empty until Refresh" and its full reloads of
 * big trees are what this avoids). Like React DevTools' store it fails loudly on an op that does
 * not fit, by the protocol's rules (`applyTreeOp` throws `TreeOpError` naming the ids); the caller
 * then asks for the whole tree again.
 */
export class TreeStore {
  private readonly byId = new Map<number, ControlNode>();
  private rootNode: ControlNode | null = null;
  private readonly changed = new Emitter<TreeChange>();
  readonly onDidChange = this.changed.event;
  /** During `apply`: the nodes whose rows or children changed. */
  private touched = new Set<ControlNode>();
  /** The store as the protocol's op applier sees it. */
  private readonly target: TreeTarget<TreeNode, TreeSetOp> = {
    has: (id) => this.byId.has(id),
    placeOf: (id) => {
      const node = this.byId.get(id)!;
      return node.parent ? { parent: node.parent.id, slot: node.slot! } : null;
    },
    indexOf: (parent, slot, child) => this.byId.get(parent)?.slots.get(slot)?.findIndex((n) => n.id === child) ?? -1,
    count: (parent, slot) => this.byId.get(parent)?.slots.get(slot)?.length ?? 0,
    insert: (parentId, slot, at, wire) => {
      const parent = this.byId.get(parentId)!;
      let list = parent.slots.get(slot);
      if (!list) parent.slots.set(slot, (list = []));
      list.splice(at, 0, this.build(wire, parent, slot));
      this.touched.add(parent);
    },
    remove: (parentId, slot, at) => {
      const parent = this.byId.get(parentId)!;
      const list = parent.slots.get(slot)!;
      const [node] = list.splice(at, 1);
      if (list.length === 0) parent.slots.delete(slot);
      this.forget(node!);
      this.touched.add(parent);
    },
    move: (parentId, slot, from, to) => {
      const parent = this.byId.get(parentId)!;
      const list = parent.slots.get(slot)!;
      list.splice(to, 0, ...list.splice(from, 1));
      this.touched.add(parent);
    },
    set: (op) => {
      const node = this.byId.get(op.id)!;
      if (applyInfoChange(node, op)) this.touched.add(node); // other props changed: nothing the row shows
    },
  };

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
   * Throws `TreeOpError` (after announcing a reset) when an op does not fit.
   */
  apply(ops: readonly TreeOp[]): void {
    const touched = (this.touched = new Set());
    try {
      for (const op of ops) applyTreeOp(this.target, op);
    } catch (err) {
      this.changed.fire({ reset: true });
      throw err;
    }
    // A node whose parent is announced too is redrawn with it.
    const nodes = [...touched].filter((n) => this.byId.get(n.id) === n && !hasAncestorIn(n, touched));
    if (nodes.length) this.changed.fire({ reset: false, nodes });
  }

  private build(wire: TreeNode, parent: ControlNode | null, slot: string | null): ControlNode {
    const node: ControlNode = { ...controlInfo(wire), parent, slot, slots: new Map() };
    this.byId.set(node.id, node);
    for (const [name, children] of Object.entries(wire.c ?? {})) {
      if (children.length) node.slots.set(name, children.map((child) => this.build(child, node, name)));
    }
    return node;
  }

  private forget(node: ControlNode): void {
    this.byId.delete(node.id);
    for (const list of node.slots.values()) for (const child of list) this.forget(child);
  }
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
