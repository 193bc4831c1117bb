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

/** One control as the inspector's tree holds it: structure, key and summary; props come on request. */
export interface TreeItem extends ControlInfo {
  parent: number | null;
  slot: string | null;
  /** Child ids per slot, in order. */
  slots: Record<string, number[]>;
}

/** One visible line of the tree view. */
export interface TreeRow {
  id: number;
  depth: number;
}

/** `Button#inc` (key) or `Text#12` (id): how the inspector names a control everywhere. */
export function nameOf(item: Pick<ControlInfo, "id" | "type" | "name" | "key">): string {
  return `${item.name ?? item.type}#${item.key ?? item.id}`;
}

/**
 * The inspector's copy of a session's control tree: an id map patched by the agent's tree ops
 * (React DevTools' Store, for weft), with the collapsed set and a lazily flattened list of visible
 * rows for the virtualized view. Applying ops costs what they touch; the row list is rebuilt only
 * when the view asks after a structural change (O(visible rows), ~1 ms at 10,000).
 *
 * It fails loudly, by the protocol's rules (`applyTreeOp`): an op that does not fit throws
 * `TreeOpError` with the ids, and the caller fetches the whole tree again (watch) instead of
 * showing a wrong one.
 */
export class TreeModel {
  readonly items = new Map<number, TreeItem>();
  root: number | null = null;
  /** Bumped on every change, structural or not (the view's snapshot key). */
  version = 0;
  /** Ids whose own line changed in the last `apply`, for the view's flash. */
  lastChanged: number[] = [];
  private readonly collapsed = new Set<number>();
  private rowsCache: TreeRow[] | null = null;
  /** During `apply`: the ids whose line changed, and whether rows moved. */
  private changedNow: number[] = [];
  private structural = false;
  /** The model as the protocol's op applier sees it. */
  private readonly target: TreeTarget<TreeNode, TreeSetOp> = {
    has: (id) => this.items.has(id),
    placeOf: (id) => {
      const item = this.items.get(id)!;
      return item.parent === null ? null : { parent: item.parent, slot: item.slot! };
    },
    indexOf: (parent, slot, child) => this.items.get(parent)?.slots[slot]?.indexOf(child) ?? -1,
    count: (parent, slot) => this.items.get(parent)?.slots[slot]?.length ?? 0,
    insert: (parent, slot, at, node) => {
      this.add(node, parent, slot);
      (this.items.get(parent)!.slots[slot] ??= []).splice(at, 0, node.i);
      this.changedNow.push(node.i);
      this.structural = true;
    },
    remove: (parent, slot, at) => {
      this.drop(this.items.get(parent)!.slots[slot]!.splice(at, 1)[0]!);
      this.structural = true;
    },
    move: (parent, slot, from, to) => {
      const list = this.items.get(parent)!.slots[slot]!;
      const [id] = list.splice(from, 1);
      list.splice(to, 0, id!);
      this.changedNow.push(id!);
      this.structural = true;
    },
    set: (op) => {
      applyInfoChange(this.items.get(op.id)!, op);
      this.changedNow.push(op.id); // its props changed: the line flashes even when its text did not
    },
  };

  get size(): number {
    return this.items.size;
  }

  get(id: number): TreeItem | undefined {
    return this.items.get(id);
  }

  /** Replaces everything with a whole tree (`tree`, or a history snapshot). */
  replace(root: TreeNode | null): void {
    this.items.clear();
    this.root = root ? root.i : null;
    if (root) this.add(root, null, null);
    for (const id of this.collapsed) if (!this.items.has(id)) this.collapsed.delete(id);
    this.lastChanged = [];
    this.touch(true);
  }

  /** Applies the agent's ops in order. Throws `TreeOpError` on the first that does not fit. */
  apply(ops: readonly TreeOp[]): void {
    this.changedNow = [];
    this.structural = false;
    try {
      for (const op of ops) applyTreeOp(this.target, op);
    } finally {
      this.lastChanged = this.changedNow;
      this.touch(this.structural);
    }
  }

  isCollapsed(id: number): boolean {
    return this.collapsed.has(id);
  }

  hasChildren(id: number): boolean {
    const item = this.items.get(id);
    if (!item) return false;
    for (const slot in item.slots) if (item.slots[slot]!.length > 0) return true;
    return false;
  }

  setCollapsed(id: number, collapsed: boolean): void {
    if (collapsed === this.collapsed.has(id)) return;
    if (collapsed) this.collapsed.add(id);
    else this.collapsed.delete(id);
    this.touch(true);
  }

  /** Collapses every node below `depth` (the view's "collapse all" keeps the first levels open). */
  collapseBelow(depth: number): void {
    this.collapsed.clear();
    for (const row of this.allRows()) if (row.depth >= depth && this.hasChildren(row.id)) this.collapsed.add(row.id);
    this.touch(true);
  }

  expandAll(): void {
    this.collapsed.clear();
    this.touch(true);
  }

  /** Opens every ancestor of `id`, so its row is visible. */
  reveal(id: number): void {
    let changed = false;
    for (let p = this.items.get(id)?.parent ?? null; p !== null; p = this.items.get(p)?.parent ?? null) {
      if (this.collapsed.delete(p)) changed = true;
    }
    if (changed) this.touch(true);
  }

  /** The visible rows, depth-first in slot order, skipping what is under a collapsed node. */
  rows(): TreeRow[] {
    if (this.rowsCache) return this.rowsCache;
    const rows: TreeRow[] = [];
    if (this.root !== null && this.items.has(this.root)) {
      // An explicit stack: a 10,000-deep tree must not overflow the call stack.
      const stack: TreeRow[] = [{ id: this.root, depth: 0 }];
      while (stack.length) {
        const row = stack.pop()!;
        rows.push(row);
        if (this.collapsed.has(row.id)) continue;
        const item = this.items.get(row.id)!;
        const slots = Object.keys(item.slots);
        for (let s = slots.length - 1; s >= 0; s--) {
          const ids = item.slots[slots[s]!]!;
          for (let i = ids.length - 1; i >= 0; i--) stack.push({ id: ids[i]!, depth: row.depth + 1 });
        }
      }
    }
    this.rowsCache = rows;
    return rows;
  }

  /** The index of `id` among the visible rows, or -1. */
  rowIndex(id: number): number {
    const rows = this.rows();
    for (let i = 0; i < rows.length; i++) if (rows[i]!.id === id) return i;
    return -1;
  }

  /**
   * Ids matching `query` in tree order: a type or class name (`Button`), a key (`inc`, or `#inc`),
   * or text in the summary (`"Hello`). Case-insensitive; `Type#key` matches the exact name.
   */
  search(query: string): number[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const out: number[] = [];
    for (const row of this.allRows()) {
      const item = this.items.get(row.id)!;
      const name = nameOf(item).toLowerCase();
      if (
        name === q ||
        item.type.toLowerCase().includes(q) ||
        (item.name !== undefined && item.name.toLowerCase().includes(q)) ||
        (item.key !== undefined && (item.key.toLowerCase().includes(q) || `#${item.key.toLowerCase()}` === q)) ||
        (item.summary !== undefined && item.summary.toLowerCase().includes(q)) ||
        String(item.id) === q.replace(/^#/, "")
      ) {
        out.push(row.id);
      }
    }
    return out;
  }

  /** Every node in tree order, collapsed or not. */
  private allRows(): TreeRow[] {
    const rows: TreeRow[] = [];
    if (this.root === null || !this.items.has(this.root)) return rows;
    const stack: TreeRow[] = [{ id: this.root, depth: 0 }];
    while (stack.length) {
      const row = stack.pop()!;
      rows.push(row);
      const item = this.items.get(row.id)!;
      const slots = Object.keys(item.slots);
      for (let s = slots.length - 1; s >= 0; s--) {
        const ids = item.slots[slots[s]!]!;
        for (let i = ids.length - 1; i >= 0; i--) stack.push({ id: ids[i]!, depth: row.depth + 1 });
      }
    }
    return rows;
  }

  private touch(structural: boolean): void {
    this.version++;
    if (structural) this.rowsCache = null;
  }

  private add(node: TreeNode, parent: number | null, slot: string | null): void {
    const stack: { node: TreeNode; parent: number | null; slot: string | null }[] = [{ node, parent, slot }];
    while (stack.length) {
      const { node: n, parent: p, slot: s } = stack.pop()!;
      const item: TreeItem = { ...controlInfo(n), parent: p, slot: s, slots: {} };
      if (n.c) {
        for (const name in n.c) {
          const children = n.c[name]!;
          item.slots[name] = children.map((c) => c.i);
          for (const child of children) stack.push({ node: child, parent: n.i, slot: name });
        }
      }
      this.items.set(n.i, item);
    }
  }

  private drop(id: number): void {
    const stack = [id];
    while (stack.length) {
      const next = stack.pop()!;
      const item = this.items.get(next);
      if (!item) continue;
      this.items.delete(next);
      this.collapsed.delete(next);
      for (const slot in item.slots) stack.push(...item.slots[slot]!);
    }
  }
}
