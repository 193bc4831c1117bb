import type { TreeNode, TreeOp } from "@weft/agent/channel";

/** One control as the inspector's tree holds it: structure, key and summary; props come on request. */
export interface TreeItem {
  readonly id: number;
  /** The drawn type (`Row`). */
  t: string;
  /** The class or component name when it differs (`TodoItem`). */
  n?: string;
  k?: string;
  /** Short text of the main prop (`"Hello"`). */
  s?: string;
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

/** Why an op did not fit: the inspector's copy drifted from the app, and must be fetched again. */
export class TreeModelError extends Error {
  override name = "TreeModelError";
  constructor(
    message: string,
    readonly op: TreeOp,
  ) {
    super(message);
  }
}

/** `Button#inc` (key) or `Text#12` (id): how the inspector names a control everywhere. */
export function nameOf(item: Pick<TreeItem, "id" | "t" | "n" | "k">): string {
  return `${item.n ?? item.t}#${item.k ?? item.id}`;
}

/**
 * The inspector's copy of a session's control tree: an id map patched by the agent's tree ops
 * (React DevTools' Store, for weft), with the collapsed set and a lazily flattened list of visible
 * rows for the virtualized view. Applying ops costs what they touch; the row list is rebuilt only
 * when the view asks after a structural change (O(visible rows), ~1 ms at 10,000).
 *
 * It fails loudly: an op naming an id it does not hold throws `TreeModelError` with the ids, and
 * the caller fetches the whole tree again (watch) instead of showing a wrong one.
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

  /** Applies the agent's ops in order. Throws `TreeModelError` on the first that does not fit. */
  apply(ops: readonly TreeOp[]): void {
    const changed: number[] = [];
    let structural = false;
    try {
      for (const op of ops) {
        switch (op.op) {
          case "set": {
            const item = this.need(op.id, op);
            if (op.k !== undefined) {
              if (op.k === null) delete item.k;
              else item.k = op.k;
            }
            if (op.s !== undefined) {
              if (op.s === null) delete item.s;
              else item.s = op.s;
            }
            changed.push(op.id);
            break;
          }
          case "insert": {
            const parent = this.need(op.parent, op);
            if (this.items.has(op.node.i)) this.detach(op.node.i);
            this.add(op.node, op.parent, op.slot);
            insertBefore((parent.slots[op.slot] ??= []), op.node.i, op.before);
            changed.push(op.node.i);
            structural = true;
            break;
          }
          case "remove": {
            const parent = this.need(op.parent, op);
            const list = parent.slots[op.slot];
            const at = list ? list.indexOf(op.id) : -1;
            if (at < 0) {
              const item = this.items.get(op.id);
              if (item && item.parent !== op.parent) break; // moved away in this patch
              throw new TreeModelError(`remove: #${op.id} is not in ${op.slot} of #${op.parent}`, op);
            }
            list!.splice(at, 1);
            this.drop(op.id);
            structural = true;
            break;
          }
          case "move": {
            const parent = this.need(op.parent, op);
            const list = parent.slots[op.slot];
            const at = list ? list.indexOf(op.id) : -1;
            if (at < 0) throw new TreeModelError(`move: #${op.id} is not in ${op.slot} of #${op.parent}`, op);
            list!.splice(at, 1);
            insertBefore(list!, op.id, op.before);
            changed.push(op.id);
            structural = true;
            break;
          }
          default: {
            const unknown: never = op;
            throw new TreeModelError(`unknown tree op '${(unknown as { op: string }).op}'`, unknown);
          }
        }
      }
    } finally {
      this.lastChanged = changed;
      this.touch(structural);
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
        item.t.toLowerCase().includes(q) ||
        (item.n !== undefined && item.n.toLowerCase().includes(q)) ||
        (item.k !== undefined && (item.k.toLowerCase().includes(q) || `#${item.k.toLowerCase()}` === q)) ||
        (item.s !== undefined && item.s.toLowerCase().includes(q)) ||
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

  private need(id: number, op: TreeOp): TreeItem {
    const item = this.items.get(id);
    if (!item) throw new TreeModelError(`${op.op}: no control #${id} in the inspector's tree`, op);
    return item;
  }

  private add(node: TreeNode, parent: number | null, slot: string | null): void {
    const stack: { node: TreeNode; parent: number | null; slot: string | null }[] = [{ node, parent, slot }];
    while (stack.length) {
      const { node: n, parent: p, slot: s } = stack.pop()!;
      const item: TreeItem = { id: n.i, t: n.t, parent: p, slot: s, slots: {} };
      if (n.n !== undefined) item.n = n.n;
      if (n.k !== undefined) item.k = n.k;
      if (n.s !== undefined) item.s = n.s;
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

  private detach(id: number): void {
    const item = this.items.get(id)!;
    if (item.parent !== null && item.slot !== null) {
      const list = this.items.get(item.parent)?.slots[item.slot];
      const at = list ? list.indexOf(id) : -1;
      if (at >= 0) list!.splice(at, 1);
    }
    this.drop(id);
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

function insertBefore(list: number[], id: number, before: number | null): void {
  const at = before === null ? -1 : list.indexOf(before);
  if (at < 0) list.push(id);
  else list.splice(at, 0, id);
}
