import { applyTreeOp, type ControlId, type PatchOp, type PropValue, type ServerMessage, type SetOp, type TreeTarget, type WireNode } from "@weft/protocol";

/** One node as a client holds it: props, handled events, child ids per slot, its place. */
export interface MirrorNode {
  /** The control's id. */
  i: ControlId;
  /** The type the browser draws ("Row", "Text"…). */
  t: string;
  /** The app's own name for it when that differs from the type (a component's, a subclass's: "TodoItem"). */
  n?: string;
  /** Its props as the browser holds them. */
  p: Record<string, PropValue>;
  /** The events the app handles on it ("click", "change"), which the browser sends. */
  h: string[];
  /** Child ids per slot: `{ controls: [3, 4] }`. */
  c: Record<string, ControlId[]>;
  /** The parent's id; null for the page. */
  parent: ControlId | null;
  /** The parent's slot that holds it; null for the page. */
  slot: string | null;
}

/**
 * A client's copy of the tree, built only from what went over the wire: the same rules as the
 * browser renderer's store, without React. Headless sessions read it, and tests compare it with
 * the server's tree to prove that the patches say everything.
 */
export class ClientMirror {
  /** Every node the client holds, by id. */
  readonly nodes = new Map<ControlId, MirrorNode>();
  /** The page's id once registered; null before. */
  root: ControlId | null = null;
  /** The mirror as the protocol's op applier sees it. */
  private readonly target: TreeTarget<WireNode, SetOp> = {
    has: (id) => this.nodes.has(id),
    placeOf: (id) => {
      const node = this.nodes.get(id)!;
      return node.parent === null ? null : { parent: node.parent, slot: node.slot! };
    },
    indexOf: (parent, slot, child) => this.nodes.get(parent)?.c[slot]?.indexOf(child) ?? -1,
    count: (parent, slot) => this.nodes.get(parent)?.c[slot]?.length ?? 0,
    insert: (parent, slot, at, node) => {
      this.addSubtree(node, parent, slot);
      (this.nodes.get(parent)!.c[slot] ??= []).splice(at, 0, node.i);
    },
    remove: (parent, slot, at) => this.dropSubtree(this.nodes.get(parent)!.c[slot]!.splice(at, 1)[0]!),
    move: (parent, slot, from, to) => {
      const list = this.nodes.get(parent)!.c[slot]!;
      list.splice(to, 0, ...list.splice(from, 1));
    },
    set: (op) => {
      const node = this.nodes.get(op.id)!;
      for (const [name, value] of Object.entries(op.props ?? {})) {
        if (value === null) delete node.p[name];
        else node.p[name] = value;
      }
      if (op.h) node.h = op.h.slice();
    },
  };

  /**
   * Applies a message from the server as the browser would (`registered` replaces the tree; `patch`
   * applies its ops); others change nothing.
   */
  apply(message: ServerMessage): void {
    if (message.type === "registered") this.reset(message.page);
    else if (message.type === "patch") for (const op of message.ops) this.applyOp(op);
  }

  /** Replaces everything with a whole page (`registered`). */
  reset(page: WireNode): void {
    this.nodes.clear();
    this.root = page.i;
    this.addSubtree(page, null, null);
  }

  /** The node with that id; throws when the client holds none. */
  get(id: ControlId): MirrorNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`weft mirror: no node ${id}`);
    return node;
  }

  /** How many nodes the subtree under `id` holds. */
  count(id: ControlId): number {
    const node = this.nodes.get(id);
    if (!node) return 0;
    let n = 1;
    for (const slot in node.c) for (const child of node.c[slot]!) n += this.count(child);
    return n;
  }

  /** Copies the nodes into `into` (props objects shallowly: ops replace values, never mutate them). */
  protected copyInto<M extends ClientMirror>(into: M): M {
    into.root = this.root;
    for (const [id, node] of this.nodes) {
      const c: Record<string, ControlId[]> = {};
      for (const slot in node.c) c[slot] = node.c[slot]!.slice();
      into.nodes.set(id, { ...node, p: { ...node.p }, h: node.h.slice(), c });
    }
    return into;
  }

  /** The tree as a nested WireNode again (handlers sorted, empty slots dropped). */
  toWire(id: ControlId | null = this.root): WireNode | null {
    if (id === null) return null;
    const node = this.get(id);
    const wire: WireNode = { i: node.i, t: node.t, p: { ...node.p } };
    if (node.n) wire.n = node.n;
    if (node.h.length) wire.h = [...node.h].sort();
    for (const [slot, ids] of Object.entries(node.c)) {
      if (ids.length) (wire.c ??= {})[slot] = ids.map((child) => this.toWire(child)!);
    }
    return wire;
  }

  /**
   * Applies one patch op by the protocol's rules. An op that does not fit (an unknown id, a
   * sibling that is not there) throws `TreeOpError` naming the ids, and changes nothing: a copy
   * that drifted silently would be worse than one that says so.
   */
  applyOp(op: PatchOp): void {
    applyTreeOp(this.target, op);
  }

  private addSubtree(wire: WireNode, parent: ControlId | null, slot: string | null): void {
    const c: Record<string, ControlId[]> = {};
    const node: MirrorNode = { i: wire.i, t: wire.t, p: { ...wire.p }, h: wire.h ? wire.h.slice() : [], c, parent, slot };
    if (wire.n) node.n = wire.n;
    this.nodes.set(wire.i, node);
    for (const name in wire.c) {
      const children = wire.c[name]!;
      c[name] = children.map((child) => child.i);
      for (const child of children) this.addSubtree(child, wire.i, name);
    }
  }

  private dropSubtree(id: ControlId): void {
    const node = this.nodes.get(id);
    if (!node) return;
    this.nodes.delete(id);
    for (const slot in node.c) for (const child of node.c[slot]!) this.dropSubtree(child);
  }
}
