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
    if (message.type === "registered") {
      this.nodes.clear();
      this.root = this.add(message.page, null, null);
    } else if (message.type === "patch") {
      for (const op of message.ops) this.applyOp(op);
    }
  }

  get(id: ControlId): MirrorNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`weft mirror: no node ${id}`);
    return node;
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

  private add(wire: WireNode, parent: ControlId | null, slot: string | null): ControlId {
    const existing = this.nodes.get(wire.i);
    if (existing && existing.parent !== null && existing.slot !== null) this.detach(existing);
    const node: MirrorNode = { i: wire.i, t: wire.t, p: { ...wire.p }, h: wire.h ?? [], c: {}, parent, slot };
    if (wire.n) node.n = wire.n;
    this.nodes.set(wire.i, node);
    for (const [name, children] of Object.entries(wire.c ?? {})) {
      node.c[name] = children.map((child) => this.add(child, wire.i, name));
    }
    return wire.i;
  }

  private applyOp(op: PatchOp): void {
    switch (op.op) {
      case "set": {
        const node = this.get(op.id);
        for (const [name, value] of Object.entries(op.props ?? {})) {
          if (value === null) delete node.p[name];
          else node.p[name] = value;
        }
        if (op.h) node.h = op.h;
        return;
      }
      case "insert": {
        this.add(op.node, op.parent, op.slot);
        this.place(op.parent, op.slot, op.node.i, op.before);
        return;
      }
      case "remove": {
        const list = this.get(op.parent).c[op.slot] ?? [];
        const at = list.indexOf(op.id);
        if (at >= 0) list.splice(at, 1);
        const node = this.nodes.get(op.id);
        if (node && node.parent === op.parent && node.slot === op.slot) this.drop(node);
        return;
      }
      case "move": {
        const list = this.get(op.parent).c[op.slot] ?? [];
        const at = list.indexOf(op.id);
        if (at < 0) throw new Error(`weft mirror: move of ${op.id}, which is not in ${op.parent}.${op.slot}`);
        list.splice(at, 1);
        this.place(op.parent, op.slot, op.id, op.before);
        return;
      }
      default: {
        const unreachable: never = op;
        throw new Error(`weft mirror: unknown op ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private place(parent: ControlId, slot: string, id: ControlId, before: ControlId | null): void {
    const list = (this.get(parent).c[slot] ??= []);
    const at = before === null ? list.length : list.indexOf(before);
    if (at < 0) throw new Error(`weft mirror: anchor ${before} is not in ${parent}.${slot}`);
    list.splice(at, 0, id);
  }

  private detach(node: MirrorNode): void {
    const list = this.nodes.get(node.parent!)?.c[node.slot!];
    const at = list ? list.indexOf(node.i) : -1;
    if (list && at >= 0) list.splice(at, 1);
  }

  private drop(node: MirrorNode): void {
    for (const ids of Object.values(node.c)) {
      for (const id of ids) {
        const child = this.nodes.get(id);
        if (child && child.parent === node.i) this.drop(child);
      }
    }
    this.nodes.delete(node.i);
  }
}
