import { nameOf, type ControlNode, type TreeStore } from "@weft/devtools-client";

/** One visible line of the tree view. */
export interface TreeRow {
  id: number;
  depth: number;
}

/**
 * What the tree view shows of a tree store: which nodes are folded, and the visible rows as a flat
 * list for the windowed view, rebuilt lazily only when the view asks after a structural change or
 * a fold (O(visible rows), ~1 ms at 10,000); plus search. The nodes themselves are the store's
 * (@weft/devtools-client's `TreeStore`, which applies the devserver's ops and fails loudly).
 */
export class TreeRows {
  private readonly collapsed = new Set<number>();
  /** When the tree is filtered to search matches: the matches and their ancestors; null: everything. */
  private kept: Set<number> | null = null;
  private rowsCache: TreeRow[] | null = null;
  /** Counts structural changes and folds: what the rows depend on (a set that changes a summary keeps them). */
  private layout = 0;
  private cachedAt = -1;

  constructor(readonly store: TreeStore) {
    store.subscribe((change) => {
      if (change.structural) this.layout++;
      if (change.reset) for (const id of this.collapsed) if (!store.get(id)) this.collapsed.delete(id);
    });
  }

  get size(): number {
    return this.store.size;
  }

  /** Changes with every change to the tree or its folding (the view's snapshot key). */
  get version(): string {
    return `${this.store.version}:${this.layout}`;
  }

  get(id: number): ControlNode | undefined {
    return this.store.get(id);
  }

  isCollapsed(id: number): boolean {
    return this.collapsed.has(id);
  }

  hasChildren(id: number): boolean {
    const node = this.store.get(id);
    return node !== undefined && this.store.hasChildren(node);
  }

  setCollapsed(id: number, collapsed: boolean): void {
    if (collapsed === this.collapsed.has(id)) return;
    if (collapsed) this.collapsed.add(id);
    else this.collapsed.delete(id);
    this.folded();
  }

  /** Collapses every node below `depth` (the view's "collapse all" keeps the first levels open). */
  collapseBelow(depth: number): void {
    this.collapsed.clear();
    this.store.walk((node, d) => {
      if (d >= depth && this.store.hasChildren(node)) this.collapsed.add(node.id);
    });
    this.folded();
  }

  expandAll(): void {
    this.collapsed.clear();
    this.folded();
  }

  /** A filter's matches change with the tree: call after a structural change to keep it. */
  refilter(ids: readonly number[]): void {
    if (this.kept) this.setFilter(ids);
  }

  /** Opens every ancestor of `id`, so its row is visible. */
  reveal(id: number): void {
    let changed = false;
    for (let p = this.store.get(id)?.parent ?? null; p !== null; p = this.store.get(p)?.parent ?? null) {
      if (this.collapsed.delete(p)) changed = true;
    }
    if (changed) this.folded();
  }

  /**
   * Shows only `ids` and their ancestors (the search's "filter to matches"), or everything again
   * with null. Collapsed nodes stay collapsed unless a match is under them.
   */
  setFilter(ids: readonly number[] | null): void {
    if (ids === null) {
      if (this.kept === null) return;
      this.kept = null;
    } else {
      const kept = new Set<number>();
      for (const id of ids) for (let at: number | null = id; at !== null && !kept.has(at); at = this.store.get(at)?.parent ?? null) kept.add(at);
      this.kept = kept;
    }
    this.folded();
  }

  get filtered(): boolean {
    return this.kept !== null;
  }

  /** The visible rows, depth-first in slot order, skipping what is under a collapsed node (or filtered out). */
  rows(): TreeRow[] {
    if (this.rowsCache && this.cachedAt === this.layout) return this.rowsCache;
    const rows: TreeRow[] = [];
    const kept = this.kept;
    this.store.walk((node, depth) => {
      if (kept && !kept.has(node.id)) return false;
      rows.push({ id: node.id, depth });
      return kept ? true : !this.collapsed.has(node.id);
    });
    this.rowsCache = rows;
    this.cachedAt = this.layout;
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
    this.store.walk((item) => {
      if (
        nameOf(item).toLowerCase() === q ||
        item.type.toLowerCase().includes(q) ||
        (item.name !== undefined && item.name.toLowerCase().includes(q)) ||
        (item.key !== undefined && (item.key.toLowerCase().includes(q) || `#${item.key.toLowerCase()}` === q)) ||
        (item.summary !== undefined && item.summary.toLowerCase().includes(q)) ||
        String(item.id) === q.replace(/^#/, "")
      ) {
        out.push(item.id);
      }
    });
    return out;
  }

  private folded(): void {
    this.layout++;
  }
}
