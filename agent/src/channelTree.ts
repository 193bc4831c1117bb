import type { PatchOp, WireNode } from "@weft/protocol";
import type { TreeNode, TreeOp, TreeSetOp } from "@weft/protocol/channel";
import { summarize } from "./inspect/summary.ts";

/**
 * The channel's structure-only node for a tree the runtime serialized (its one serializer,
 * `hook.inspection.tree`, or a patch's inserted node, or the history's copy): id, drawn type,
 * class name, key and summary, children by slot; no props (a tool asks for them with
 * `get-props`). The one place a tree becomes the channel's.
 */
export function toTreeNode(wire: WireNode): TreeNode {
  const node: TreeNode = { i: wire.i, t: wire.t };
  if (wire.n) node.n = wire.n;
  if (wire.p.key !== undefined && wire.p.key !== null) node.k = String(wire.p.key);
  const s = summarize(wire.t, wire.p);
  if (s !== undefined) node.s = s;
  if (wire.p.visible === false) node.x = 1;
  if (wire.h?.length) node.e = 1;
  if (wire.c) {
    for (const [slot, children] of Object.entries(wire.c)) if (children.length) (node.c ??= {})[slot] = children.map(toTreeNode);
  }
  return node;
}

/**
 * The structural part of a runtime patch op. A `set` says that the control's props changed and,
 * with `nodeOf` (the live control's node now), carries its new summary; a change of `visible` or
 * of its handlers carries the new flag.
 */
export function toTreeOp(op: PatchOp, nodeOf?: (id: number) => WireNode | undefined): TreeOp {
  switch (op.op) {
    case "set": {
      const out: TreeSetOp = { op: "set", id: op.id };
      if (op.props && "key" in op.props) out.k = op.props.key === null ? null : String(op.props.key);
      const node = op.props ? nodeOf?.(op.id) : undefined;
      if (node) out.s = summarize(node.t, node.p) ?? null;
      if (op.props && "visible" in op.props) out.x = op.props.visible === false;
      if (op.h) out.e = op.h.length > 0;
      return out;
    }
    case "insert":
      return { op: "insert", parent: op.parent, slot: op.slot, before: op.before, node: toTreeNode(op.node) };
    case "remove":
      return { op: "remove", parent: op.parent, slot: op.slot, id: op.id };
    case "move":
      return { op: "move", parent: op.parent, slot: op.slot, id: op.id, before: op.before };
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}
