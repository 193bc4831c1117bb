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
import { Emitter, type Unsubscribe } from "./emitter.ts";
import { describeNode } from "./names.ts";

/** One control of a tool's copy of a session's tree: structure, key and summary; props come on request. */
export interface ControlNode extends ControlInfo {
  /** Null for the root. */
  parent: number | null;
  /** The parent's slot this node sits in (`controls`, `content`, `appbar`…). */
  slot: string | null;
  /** Child ids per slot, each list in order; slots in the order they were first filled. */
  readonly slots: Record<string, number[]>;
}

/** What one `replace` or `apply` changed. */
export interface TreeChange {
  /** The whole tree was replaced or emptied, or an op did not fit: redraw everything. */
  reset: boolean;
  /** Controls whose own line changed, in op order: props set (even when the line's text did not), inserted, moved. */
  changed: number[];
  /**
   * Controls whose line or children changed (the parents of inserts, removes and moves; a set
   * that changed the key or summary), leaving out any under another one listed: what a tree
   * view redraws.
   */
  redraw: number[];
  /** Lines were added, removed or reordered. */
  structural: boolean;
}

/**
 * A tool's copy of one session's control tree, kept current by the devserver's `tree-ops` (never
 * re-fetched whole: the Flutter sidebar's "empty until Refresh" and its full reloads of big trees
 * are what this avoids). Like React DevTools' store it fails loudly on an op that does not fit, by
 * the protocol's rules (`applyTreeOp` throws `TreeOpError` naming the ids); the caller then asks
 * for the whole tree again. Applying ops costs what they touch; deep trees are walked with an
 * explicit stack (a 10,000-deep tree must not overflow the call stack).
 */
export class TreeStore {
  private readonly byId = new Map<number, ControlNode>();
  private rootId: number | null = null;
  private readonly changes = new Emitter<TreeChange>();
  /** Bumped on every change (a view's snapshot key). */
  version = 0;
  /** During `apply`. */
  private changed: number[] = [];
  private touched = new Set<number>();
  private structural = false;
  /** The store as the protocol's op applier sees it. */
  private readonly target: TreeTarget<TreeNode, TreeSetOp> = {
    has: (id) => this.byId.has(id),
    placeOf: (id) => {
      const node = this.byId.get(id)!;
      return node.parent === null ? null : { parent: node.parent, slot: node.slot! };
    },
    indexOf: (parent, slot, child) => this.byId.get(parent)?.slots[slot]?.indexOf(child) ?? -1,
    count: (parent, slot) => this.byId.get(parent)?.slots[slot]?.length ?? 0,
    insert: (parent, slot, at, node) => {
      this.add(node, parent, slot);
      (this.byId.get(parent)!.slots[slot] ??= []).splice(at, 0, node.i);
      this.changed.push(node.i);
      this.touched.add(parent);
      this.structural = true;
    },
    remove: (parent, slot, at) => {
      const owner = this.byId.get(parent)!;
      const list = owner.slots[slot]!;
      const [id] = list.splice(at, 1);
      if (list.length === 0) delete owner.slots[slot];
      this.drop(id!);
      this.touched.add(parent);
      this.structural = true;
    },
    move: (parent, slot, from, to) => {
      const list = this.byId.get(parent)!.slots[slot]!;
      const [id] = list.splice(from, 1);
      list.splice(to, 0, id!);
      this.changed.push(id!);
      this.touched.add(parent);
      this.structural = true;
    },
    set: (op) => {
      if (applyInfoChange(this.byId.get(op.id)!, op)) this.touched.add(op.id);
      this.changed.push(op.id);
    },
  };

  get root(): ControlNode | null {
    return this.rootId === null ? null : (this.byId.get(this.rootId) ?? null);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: number): ControlNode | undefined {
    return this.byId.get(id);
  }

  /** All children over all slots, in slot order. */
  children(node: ControlNode): ControlNode[] {
    const out: ControlNode[] = [];
    for (const slot in node.slots) for (const id of node.slots[slot]!) out.push(this.byId.get(id)!);
    return out;
  }

  hasChildren(node: ControlNode): boolean {
    for (const slot in node.slots) if (node.slots[slot]!.length > 0) return true;
    return false;
  }

  /** The nodes from the root down to `id` (for revealing it), or null when it is not held. */
  pathTo(id: number): ControlNode[] | null {
    const path: ControlNode[] = [];
    for (let node = this.byId.get(id); node; node = node.parent === null ? undefined : this.byId.get(node.parent)) path.unshift(node);
    return path.length ? path : null;
  }

  /** How many ancestors `node` has (0 for the root). */
  depthOf(node: ControlNode): number {
    let depth = 0;
    for (let p = node.parent; p !== null; p = this.byId.get(p)?.parent ?? null) depth++;
    return depth;
  }

  /**
   * Visits every node in tree order (depth-first, slot order) with its depth; `visit` returning
   * false skips the node's children.
   */
  walk(visit: (node: ControlNode, depth: number) => boolean | void): void {
    const root = this.root;
    if (!root) return;
    const stack: [ControlNode, number][] = [[root, 0]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      if (visit(node, depth) === false) continue;
      const slots = Object.keys(node.slots);
      for (let s = slots.length - 1; s >= 0; s--) {
        const ids = node.slots[slots[s]!]!;
        for (let i = ids.length - 1; i >= 0; i--) stack.push([this.byId.get(ids[i]!)!, depth + 1]);
      }
    }
  }

  /** Subscribes to changes. Returns the undo. */
  subscribe(listener: (change: TreeChange) => void): Unsubscribe {
    return this.changes.subscribe(listener);
  }

  /** Replaces the whole tree (the answer to `watch`, a snapshot), or empties it with null. */
  replace(root: TreeNode | null): void {
    this.byId.clear();
    this.rootId = root ? root.i : null;
    if (root) this.add(root, null, null);
    this.version++;
    this.changes.emit({ reset: true, changed: [], redraw: [], structural: true });
  }

  /**
   * Applies a batch of ops in order and announces what changed. Throws `TreeOpError` on the first
   * op that does not fit (the ops before it stay applied, each one whole), after announcing a reset.
   */
  apply(ops: readonly TreeOp[]): void {
    this.changed = [];
    this.touched = new Set();
    this.structural = false;
    try {
      for (const op of ops) applyTreeOp(this.target, op);
    } catch (err) {
      this.version++;
      this.changes.emit({ reset: true, changed: this.changed, redraw: [], structural: true });
      throw err;
    }
    this.version++;
    const redraw = [...this.touched].filter((id) => this.byId.has(id) && !this.hasAncestorIn(id, this.touched));
    this.changes.emit({ reset: false, changed: this.changed, redraw, structural: this.structural });
  }

  private hasAncestorIn(id: number, set: ReadonlySet<number>): boolean {
    for (let p = this.byId.get(id)?.parent ?? null; p !== null; p = this.byId.get(p)?.parent ?? null) if (set.has(p)) return true;
    return false;
  }

  private add(root: TreeNode, parent: number | null, slot: string | null): void {
    const stack: { node: TreeNode; parent: number | null; slot: string | null }[] = [{ node: root, parent, slot }];
    while (stack.length > 0) {
      const { node, parent: p, slot: s } = stack.pop()!;
      const item: ControlNode = { ...controlInfo(node), parent: p, slot: s, slots: {} };
      for (const name in node.c) {
        const children = node.c[name]!;
        if (children.length === 0) continue;
        item.slots[name] = children.map((c) => c.i);
        for (const child of children) stack.push({ node: child, parent: node.i, slot: name });
      }
      this.byId.set(node.i, item);
    }
  }

  private drop(id: number): void {
    const stack = [id];
    while (stack.length > 0) {
      const node = this.byId.get(stack.pop()!);
      if (!node) continue;
      this.byId.delete(node.id);
      for (const slot in node.slots) stack.push(...node.slots[slot]!);
    }
  }
}

/** The tree as indented text, one control a line (`TodoItem(Row) "todo-milk" #12`): for tests and the clipboard. */
export function formatTree(store: TreeStore): string {
  const lines: string[] = [];
  store.walk((node, depth) => void lines.push(`${"  ".repeat(depth)}${describeNode(node)}`));
  return lines.join("\n");
}
