import { applyTreeOp, TreeOpError, type ControlId, type PatchOp, type PropValue, type SetOp, type TreeTarget, type WireNode } from "@weft/protocol";

/**
 * One control as the renderer holds it. Nodes are immutable snapshots: a change makes a new
 * object (copy-on-write), so `useSyncExternalStore` can compare them by identity and only the
 * changed node's component re-renders.
 */
export interface StoreNode {
  readonly id: ControlId;
  /** The renderable type (`Row`). */
  readonly t: string;
  /** The class name when it differs from `t` (`TodoItem`). */
  readonly n?: string;
  readonly p: Readonly<Record<string, PropValue>>;
  /** Events with a handler on the server: the only ones the renderer sends. */
  readonly h: readonly string[];
  /** Child ids per slot, in order. A slot never sent is absent. */
  readonly slots: Readonly<Record<string, readonly ControlId[]>>;
  readonly parent: ControlId | null;
  readonly slot: string | null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Draft = Mutable<StoreNode> & {
  p: Record<string, PropValue>;
  h: readonly string[];
  slots: Record<string, ControlId[]>;
};

const EMPTY_IDS: readonly ControlId[] = Object.freeze([]);
const NO_HANDLERS: readonly string[] = Object.freeze([]);

export type Listener = () => void;

/**
 * The renderer's copy of a session's control tree, keyed by control id, with one listener set
 * per id. Applying a patch costs what the patch touches: no op walks the tree, except `remove`,
 * which visits the subtree it drops.
 */
export class NodeStore {
  private nodes = new Map<ControlId, StoreNode>();
  private listeners = new Map<ControlId, Set<Listener>>();
  private rootListeners = new Set<Listener>();
  private root: ControlId | null = null;
  /** Objects created during the current change: safe to mutate in place until it ends. */
  private fresh = new Set<object>();
  /** Ids whose node object was replaced during the current change. */
  private changed = new Set<ControlId>();
  /** Bumped after each applied change; lets benchmarks and tests wait on the store. */
  version = 0;
  /** The store as the protocol's op applier sees it: every op's rules live there. */
  private readonly target: TreeTarget<WireNode, SetOp> = {
    has: (id) => this.nodes.has(id),
    placeOf: (id) => {
      const node = this.nodes.get(id)!;
      return node.parent === null ? null : { parent: node.parent, slot: node.slot! };
    },
    indexOf: (parent, slot, child) => this.children(parent, slot).indexOf(child),
    count: (parent, slot) => this.children(parent, slot).length,
    insert: (parent, slot, at, node) => {
      this.addSubtree(node, parent, slot);
      this.draftSlot(this.draft(parent), slot).splice(at, 0, node.i);
    },
    remove: (parent, slot, at) => {
      const [id] = this.draftSlot(this.draft(parent), slot).splice(at, 1);
      this.dropSubtree(id!);
    },
    move: (parent, slot, from, to) => {
      const list = this.draftSlot(this.draft(parent), slot);
      list.splice(to, 0, ...list.splice(from, 1));
    },
    set: (op) => {
      const node = this.draft(op.id);
      if (op.props) {
        const p = this.draftProps(node);
        for (const name in op.props) {
          const value = op.props[name]!;
          if (value === null) delete p[name];
          else p[name] = value;
        }
      }
      if (op.h) node.h = op.h;
    },
  };

  /** The page's id, or null before the first `registered`. */
  get rootId(): ControlId | null {
    return this.root;
  }

  get size(): number {
    return this.nodes.size;
  }

  get(id: ControlId): StoreNode | undefined {
    return this.nodes.get(id);
  }

  children(id: ControlId, slot: string): readonly ControlId[] {
    return this.nodes.get(id)?.slots[slot] ?? EMPTY_IDS;
  }

  /** Calls `listener` after each change that replaced node `id`. Returns the undo. */
  subscribe(id: ControlId, listener: Listener): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(id) === set) this.listeners.delete(id);
    };
  }

  /** Calls `listener` when the whole tree is replaced (`registered`). Returns the undo. */
  subscribeRoot(listener: Listener): () => void {
    this.rootListeners.add(listener);
    return () => this.rootListeners.delete(listener);
  }

  /** Replaces everything with the page of a `registered` message. */
  replace(page: WireNode): void {
    this.nodes.clear();
    this.fresh.clear();
    this.changed.clear();
    this.addSubtree(page, null, null);
    this.root = page.i;
    this.fresh.clear();
    this.changed.clear();
    this.version++;
    // Ids may be reused across a resume, so every mounted component re-reads its node.
    for (const listener of this.rootListeners) listener();
    for (const set of [...this.listeners.values()]) for (const listener of [...set]) listener();
  }

  /**
   * Applies a patch's ops in order (by the protocol's rules, `applyTreeOp`), then notifies the ids
   * that changed. An op that does not fit the tree changes nothing and is skipped; the errors are
   * returned (and the caller reports them) so one bad op never leaves the rest of the patch
   * unapplied.
   */
  applyPatch(ops: readonly PatchOp[]): TreeOpError[] {
    const errors: TreeOpError[] = [];
    for (const op of ops) {
      try {
        applyTreeOp(this.target, op);
      } catch (err) {
        // Anything else an op makes throw is still that op's fault: reported the same way.
        errors.push(err instanceof TreeOpError ? err : new TreeOpError("BAD_OP", `${describeOp(op)}: ${String(err)}`, op));
      }
    }
    this.commit();
    return errors;
  }

  /**
   * Props the browser changed itself (typed text, a tick). The store mirrors them so that the
   * server's next value for the prop (e.g. clearing a field after submit) reads as a change.
   */
  setLocalProps(id: ControlId, props: Record<string, PropValue>): void {
    if (!this.nodes.has(id)) return;
    const node = this.draft(id);
    const p = this.draftProps(node);
    for (const name in props) {
      const value = props[name]!;
      if (value === null) delete p[name];
      else p[name] = value;
    }
    this.commit();
  }

  private commit(): void {
    this.fresh.clear();
    if (this.changed.size === 0) return;
    const changed = [...this.changed];
    this.changed.clear();
    this.version++;
    for (const id of changed) {
      const set = this.listeners.get(id);
      if (set) for (const listener of [...set]) listener();
    }
  }

  /** Creates the nodes of a wire subtree (the applier made sure none of its ids is shown). */
  private addSubtree(wire: WireNode, parent: ControlId | null, slot: string | null): void {
    const slots: Record<string, ControlId[]> = {};
    const node: Draft = { id: wire.i, t: wire.t, p: { ...wire.p }, h: wire.h ?? NO_HANDLERS, slots, parent, slot };
    if (wire.n !== undefined) node.n = wire.n;
    this.nodes.set(wire.i, node);
    this.fresh.add(node).add(node.p).add(slots);
    this.changed.add(wire.i);
    if (wire.c) {
      for (const name in wire.c) {
        const list: ControlId[] = [];
        this.fresh.add(list);
        slots[name] = list;
        for (const child of wire.c[name]!) {
          this.addSubtree(child, wire.i, name);
          list.push(child.i);
        }
      }
    }
  }

  /** Deletes a node and everything under it (already taken out of its parent's slot). */
  private dropSubtree(id: ControlId): void {
    const stack: StoreNode[] = [this.nodes.get(id)!];
    while (stack.length > 0) {
      const current = stack.pop()!;
      this.nodes.delete(current.id);
      this.changed.delete(current.id);
      for (const name in current.slots) {
        for (const childId of current.slots[name]!) stack.push(this.nodes.get(childId)!);
      }
    }
  }

  /** The node of `id`, copied once per change so earlier snapshots stay untouched. */
  private draft(id: ControlId): Draft {
    const node = this.nodes.get(id)! as Draft;
    if (this.fresh.has(node)) return node;
    const copy: Draft = { ...node };
    this.nodes.set(id, copy);
    this.fresh.add(copy);
    this.changed.add(id);
    return copy;
  }

  private draftProps(node: Draft): Record<string, PropValue> {
    if (!this.fresh.has(node.p)) {
      node.p = { ...node.p };
      this.fresh.add(node.p);
    }
    return node.p;
  }

  private draftSlot(node: Draft, slot: string): ControlId[] {
    let list = node.slots[slot];
    if (list && this.fresh.has(list)) return list;
    if (!this.fresh.has(node.slots)) {
      node.slots = { ...node.slots };
      this.fresh.add(node.slots);
    }
    list = list ? list.slice() : [];
    node.slots[slot] = list;
    this.fresh.add(list);
    return list;
  }
}

function describeOp(op: unknown): string {
  try {
    return JSON.stringify(op).slice(0, 200);
  } catch {
    return String(op);
  }
}
