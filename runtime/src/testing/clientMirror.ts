import type { ControlId, PatchOp, PropValue, ServerMessage, WireNode } from "../protocol/messages.ts";

/** One node as a client holds it: props, handled events, child ids per slot, its place. */
export interface MirrorNode {
  i: ControlId;
  t: string;
  n?: string;
  p: Record<string, PropValue>;
  h: string[];
  c: Record<string, ControlId[]>;
  parent: ControlId | null;
  slot: string | null;
}

/**
 * A client's copy of the tree, built only from what went over the wire: the same rules as the
 * browser renderer's store, without React. Headless sessions read it, and tests compare it with
 * the server's tree to prove that the patches say everything.
 */
export class ClientMirror {
  readonly nodes = new Map<ControlId, MirrorNode>();
  root: ControlId | null = null;

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
   * Applies one patch op. An op that does not fit (an unknown id, a sibling that is not there)
   * throws naming the ids: a copy that drifted silently would be worse than one that says so.
   */
  applyOp(op: PatchOp): void {
    switch (op.op) {
      case "set": {
        const node = this.need(op.id, op);
        for (const [name, value] of Object.entries(op.props ?? {})) {
          if (value === null) delete node.p[name];
          else node.p[name] = value;
        }
        if (op.h) node.h = op.h.slice();
        return;
      }
      case "insert": {
        const parent = this.need(op.parent, op);
        if (this.nodes.has(op.node.i)) this.detach(op.node.i); // shown elsewhere: it moves here
        this.addSubtree(op.node, op.parent, op.slot);
        this.place((parent.c[op.slot] ??= []), op, op.node.i, op.before);
        return;
      }
      case "remove": {
        const list = this.need(op.parent, op).c[op.slot];
        const at = list ? list.indexOf(op.id) : -1;
        if (at < 0) {
          const node = this.nodes.get(op.id);
          if (node && node.parent !== op.parent) return; // it moved elsewhere in this patch
          throw new Error(`weft mirror: remove of ${op.id} from ${op.parent}.${op.slot}, where it is not`);
        }
        list!.splice(at, 1);
        if (this.nodes.get(op.id)?.parent === op.parent) this.dropSubtree(op.id);
        return;
      }
      case "move": {
        const list = this.need(op.parent, op).c[op.slot];
        const at = list ? list.indexOf(op.id) : -1;
        if (at < 0) throw new Error(`weft mirror: move of ${op.id}, which is not in ${op.parent}.${op.slot}`);
        list!.splice(at, 1);
        this.place(list!, op, op.id, op.before);
        return;
      }
      default: {
        const unreachable: never = op;
        throw new Error(`weft mirror: unknown op ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private need(id: ControlId, op: PatchOp): MirrorNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`weft mirror: ${op.op} names ${id}, which is not in the tree`);
    return node;
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

  private place(list: ControlId[], op: PatchOp, id: ControlId, before: ControlId | null): void {
    const at = before === null ? list.length : list.indexOf(before);
    if (at < 0) throw new Error(`weft mirror: ${op.op} of ${id} before ${before}, which is not in that slot`);
    list.splice(at, 0, id);
  }

  /** Takes `id` out of its parent's slot and drops its subtree (it is being shown anew). */
  private detach(id: ControlId): void {
    const node = this.nodes.get(id)!;
    if (node.parent !== null && node.slot !== null) {
      const list = this.nodes.get(node.parent)?.c[node.slot];
      const at = list ? list.indexOf(id) : -1;
      if (at >= 0) list!.splice(at, 1);
    }
    this.dropSubtree(id);
  }

  private dropSubtree(id: ControlId): void {
    const node = this.nodes.get(id);
    if (!node) return;
    this.nodes.delete(id);
    for (const slot in node.c) for (const child of node.c[slot]!) this.dropSubtree(child);
  }
}
