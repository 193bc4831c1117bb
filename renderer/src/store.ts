import type { ControlId, PatchOp, PropValue, WireNode } from "../../runtime/src/protocol/messages.ts";

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

/** Why an op could not be applied. `code` is stable; the message names the op and the ids. */
export class StoreError extends Error {
  /** UNKNOWN_CONTROL: an id not in the store; NOT_IN_SLOT: a sibling or child not where the op says; BAD_OP: a malformed op. */
  readonly code: "UNKNOWN_CONTROL" | "NOT_IN_SLOT" | "BAD_OP";
  readonly op: PatchOp;
  constructor(code: StoreError["code"], message: string, op: PatchOp) {
    super(message);
    this.name = "StoreError";
    this.code = code;
    this.op = op;
  }
}

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
   * Applies a patch's ops in order, then notifies the ids that changed. An op naming an unknown
   * control is skipped; the errors are returned (and the caller reports them) so one bad op
   * never leaves the rest of the patch unapplied.
   */
  applyPatch(ops: readonly PatchOp[]): StoreError[] {
    const errors: StoreError[] = [];
    for (const op of ops) {
      try {
        this.applyOp(op, errors);
      } catch (err) {
        // A malformed op (the edge distrusts its input) must not leave the change half-committed.
        errors.push(err instanceof StoreError ? err : new StoreError("BAD_OP", `${describeOp(op)}: ${String(err)}`, op));
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

  private applyOp(op: PatchOp, errors: StoreError[]): void {
    switch (op.op) {
      case "set": {
        this.need(op, op.id);
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
        return;
      }
      case "insert": {
        this.need(op, op.parent);
        const id = op.node.i;
        // An id already in the store is being re-parented: detach it, then rebuild it from the
        // wire (the op carries its whole subtree).
        if (this.nodes.has(id)) this.dropSubtree(id, true);
        if (!this.nodes.has(op.parent)) {
          throw new StoreError("UNKNOWN_CONTROL", `insert: parent ${op.parent} was inside control ${id}, which the insert moves`, op);
        }
        this.addSubtree(op.node, op.parent, op.slot);
        const list = this.draftSlot(this.draft(op.parent), op.slot);
        this.place(list, id, op.before, op, errors);
        return;
      }
      case "remove": {
        const parent = this.need(op, op.parent);
        const node = this.need(op, op.id);
        if ((parent.slots[op.slot] ?? EMPTY_IDS).includes(op.id)) {
          const list = this.draftSlot(this.draft(op.parent), op.slot);
          list.splice(list.indexOf(op.id), 1);
        }
        // A node already inserted elsewhere by an earlier op keeps living there.
        if (node.parent === op.parent && node.slot === op.slot) this.dropSubtree(op.id, false);
        return;
      }
      case "move": {
        const parent = this.need(op, op.parent);
        this.need(op, op.id);
        if (!(parent.slots[op.slot] ?? EMPTY_IDS).includes(op.id)) {
          throw new StoreError("NOT_IN_SLOT", `move: control ${op.id} is not in ${op.parent}.${op.slot}`, op);
        }
        const list = this.draftSlot(this.draft(op.parent), op.slot);
        list.splice(list.indexOf(op.id), 1);
        this.place(list, op.id, op.before, op, errors);
        return;
      }
      default: {
        const never: never = op;
        throw new StoreError("BAD_OP", `unknown patch op ${JSON.stringify((never as { op?: unknown }).op)}`, never);
      }
    }
  }

  /** Puts `id` before `before` in `list`; an unknown sibling appends it (and says so). */
  private place(list: ControlId[], id: ControlId, before: ControlId | null, op: PatchOp, errors: StoreError[]): void {
    if (before === null) {
      list.push(id);
      return;
    }
    const at = list.indexOf(before);
    if (at >= 0) {
      list.splice(at, 0, id);
      return;
    }
    list.push(id);
    const where = "parent" in op ? `${op.parent}.${op.slot}` : "its slot";
    errors.push(new StoreError("NOT_IN_SLOT", `${op.op}: sibling ${before} is not in ${where}; put control ${id} at the end`, op));
  }

  private need(op: PatchOp, id: ControlId): StoreNode {
    const node = this.nodes.get(id);
    if (!node) throw new StoreError("UNKNOWN_CONTROL", `${op.op}: unknown control ${id}`, op);
    return node;
  }

  /** Creates the nodes of a wire subtree (detaching any id that already lives elsewhere). */
  private addSubtree(wire: WireNode, parent: ControlId | null, slot: string | null): void {
    if (this.nodes.has(wire.i)) this.dropSubtree(wire.i, true);
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

  /**
   * Deletes a node and everything under it. With `detach`, first takes it out of its parent's
   * slot (a node re-inserted elsewhere); a `remove` op has already done that itself.
   */
  private dropSubtree(id: ControlId, detach: boolean): void {
    const node = this.nodes.get(id)!;
    if (detach && node.parent !== null && node.slot !== null && this.nodes.has(node.parent)) {
      const parent = this.nodes.get(node.parent)!;
      if ((parent.slots[node.slot] ?? EMPTY_IDS).includes(id)) {
        const list = this.draftSlot(this.draft(node.parent), node.slot);
        list.splice(list.indexOf(id), 1);
      }
    }
    const stack: StoreNode[] = [node];
    while (stack.length > 0) {
      const current = stack.pop()!;
      this.nodes.delete(current.id);
      this.changed.delete(current.id);
      for (const name in current.slots) {
        for (const childId of current.slots[name]!) {
          const child = this.nodes.get(childId);
          // Only children that still name this node as parent belong to its subtree.
          if (child && child.parent === current.id) stack.push(child);
        }
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
