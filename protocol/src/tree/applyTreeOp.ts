import type { ControlId, InsertOpOf, MoveOp, RemoveOp } from "../app/messages.ts";
import { TreeOpError } from "./treeOpError.ts";

/** A node of an inserted subtree: the app's `WireNode` and the channel's `TreeNode` both fit. */
export interface SubtreeNode<N> {
  i: ControlId;
  c?: Record<string, N[]>;
}

/** Where a node sits: its parent and the parent's slot. */
export interface Place {
  parent: ControlId;
  slot: string;
}

/** The ops of either wire: the app's `PatchOp` (`N` = WireNode) or the channel's `TreeOp` (`N` = TreeNode). */
export type TreeOpOf<N, S> = S | InsertOpOf<N> | RemoveOp | MoveOp;

/**
 * A control tree as the applier sees it. Each side keeps its own storage (the renderer a
 * copy-on-write node per id, the VS Code tree an object graph, the inspector an id map) and
 * implements these primitives over it; the rules of the ops live in `applyTreeOp` alone.
 *
 * The applier checks an op completely before it calls a mutation, and calls mutations only with
 * positions that exist, so a target needs no checks of its own.
 */
export interface TreeTarget<N extends SubtreeNode<N>, S extends { op: "set"; id: ControlId }> {
  has(id: ControlId): boolean;
  /** Where `id` sits; null for the root. Asked only about ids `has` holds. */
  placeOf(id: ControlId): Place | null;
  /** The position of `child` in slot `slot` of `parent`, or -1 (also when the slot is absent). */
  indexOf(parent: ControlId, slot: string, child: ControlId): number;
  /** How many children slot `slot` of `parent` holds (0 when absent). */
  count(parent: ControlId, slot: string): number;
  /** Builds `node` and its subtree, none of whose ids the tree holds, at position `at` of the slot. */
  insert(parent: ControlId, slot: string, at: number, node: N): void;
  /** Takes the child at position `at` out of the slot and forgets it and its subtree. */
  remove(parent: ControlId, slot: string, at: number): void;
  /** Moves the child at position `from` of the slot to position `to` (counted once it is out). */
  move(parent: ControlId, slot: string, from: number, to: number): void;
  /** Applies a `set` op to a node the tree holds. */
  set(op: S): void;
}

/**
 * Applies one tree op by the protocol's rules (docs/protocol.md "Patches"), the same on every
 * side: the renderer, headless clients, the agent's history and the tools.
 *
 * - `set` needs its control.
 * - `insert` needs its parent, and its `before` sibling in that slot (null: at the end). An id of
 *   the inserted subtree that is already shown elsewhere moves here: its old copy is taken out
 *   first, unless the parent lies inside it.
 * - `remove` needs its parent and its control; a control that now lives in another slot was moved
 *   there by an earlier op of the batch, and stays.
 * - `move` needs the control in the slot, and its `before` sibling there.
 *
 * An op that does not fit throws `TreeOpError` with the ids, and changes nothing. What to do then
 * is the caller's choice: skip the op and report it, or fetch the whole tree again.
 */
export function applyTreeOp<N extends SubtreeNode<N>, S extends { op: "set"; id: ControlId }>(
  target: TreeTarget<N, S>,
  op: TreeOpOf<N, S>,
): void {
  // The edge distrusts its input: an op is checked field by field before it is trusted.
  if (!isObject(op as unknown)) throw new TreeOpError("BAD_OP", `a tree op must be an object, not ${describe(op)}`, op);
  switch (op.op) {
    case "insert":
      return insert(target, op);
    case "remove":
      return remove(target, op);
    case "move":
      return move(target, op);
    case "set":
      need(target, op, checkId(op, "id", op.id));
      target.set(op as S);
      return;
    default:
      throw new TreeOpError("BAD_OP", `unknown tree op ${describe((op as { op?: unknown }).op)}`, op);
  }
}

function insert<N extends SubtreeNode<N>>(target: TreeTarget<N, never>, op: InsertOpOf<N>): void {
  const { parent, slot } = checkSlot(op);
  const before = checkBefore(op);
  if (!isObject(op.node)) throw new TreeOpError("BAD_OP", `insert: 'node' must be an object, not ${describe(op.node)}`, op);
  need(target, op, parent);
  const shown = shownIds(target, op);
  if (before !== null && (shown.has(before) || target.indexOf(parent, slot, before) < 0)) {
    throw notInSlot(op, before, parent, slot, `sibling ${before}`);
  }
  if (shown.size > 0) {
    for (let p: ControlId | null = parent; p !== null; p = target.placeOf(p)?.parent ?? null) {
      if (shown.has(p)) throw new TreeOpError("NOT_MOVABLE", `insert: control ${p} cannot move into ${parent}, which is inside it`, op, p);
    }
    // Take each old copy out: a detached subtree takes the shown ids under it along.
    for (const id of shown) {
      if (!target.has(id)) continue;
      const place = target.placeOf(id);
      if (place === null) throw new TreeOpError("NOT_MOVABLE", `insert: control ${id} is the root, which cannot move`, op, id);
      const at = target.indexOf(place.parent, place.slot, id);
      if (at < 0) throw new Error(`weft tree: control ${id} says it is in slot '${place.slot}' of control ${place.parent}, which does not hold it`);
      target.remove(place.parent, place.slot, at);
    }
  }
  target.insert(parent, slot, before === null ? target.count(parent, slot) : target.indexOf(parent, slot, before), op.node);
}

function remove<N extends SubtreeNode<N>>(target: TreeTarget<N, never>, op: RemoveOp): void {
  const { parent, slot } = checkSlot(op);
  const id = checkId(op, "id", op.id);
  need(target, op, parent);
  const at = target.indexOf(parent, slot, id);
  if (at >= 0) return target.remove(parent, slot, at);
  need(target, op, id);
  const place = target.placeOf(id);
  if (place !== null && (place.parent !== parent || place.slot !== slot)) return; // moved there earlier in this batch
  throw notInSlot(op, id, parent, slot, `control ${id}`);
}

function move<N extends SubtreeNode<N>>(target: TreeTarget<N, never>, op: MoveOp): void {
  const { parent, slot } = checkSlot(op);
  const id = checkId(op, "id", op.id);
  const before = checkBefore(op);
  need(target, op, parent);
  const from = target.indexOf(parent, slot, id);
  if (from < 0) {
    need(target, op, id);
    throw notInSlot(op, id, parent, slot, `control ${id}`);
  }
  if (before === id) throw new TreeOpError("BAD_OP", `move: control ${id} cannot be placed before itself`, op, id);
  let to = target.count(parent, slot) - 1;
  if (before !== null) {
    const at = target.indexOf(parent, slot, before);
    if (at < 0) throw notInSlot(op, before, parent, slot, `sibling ${before}`);
    to = at > from ? at - 1 : at;
  }
  if (to !== from) target.move(parent, slot, from, to);
}

/**
 * The ids of the inserted subtree the tree already shows (in tree order, outermost first), after
 * checking that no id appears twice in it. An explicit stack: a 10,000-deep subtree must not
 * overflow the call stack.
 */
function shownIds<N extends SubtreeNode<N>>(target: TreeTarget<N, never>, op: InsertOpOf<N>): Set<ControlId> {
  const seen = new Set<ControlId>();
  const shown = new Set<ControlId>();
  const stack: N[] = [op.node];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isObject(node)) throw new TreeOpError("BAD_OP", `insert: a node of the subtree is ${describe(node)}`, op);
    const id = checkId(op, "node id", node.i);
    if (seen.has(id)) throw new TreeOpError("BAD_OP", `insert: control ${id} appears twice in the inserted subtree`, op, id);
    seen.add(id);
    if (target.has(id)) shown.add(id);
    if (node.c !== undefined) {
      if (!isObject(node.c)) throw new TreeOpError("BAD_OP", `insert: the slots of control ${id} must be an object`, op, id);
      for (const name in node.c) {
        const children = node.c[name];
        if (!Array.isArray(children)) throw new TreeOpError("BAD_OP", `insert: slot '${name}' of control ${id} must be a list`, op, id);
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      }
    }
  }
  return shown;
}

function need(target: TreeTarget<never, never>, op: { op: string }, id: ControlId): void {
  if (!target.has(id)) throw new TreeOpError("UNKNOWN_CONTROL", `${op.op}: unknown control ${id}`, op, id);
}

function notInSlot(op: { op: string }, id: ControlId, parent: ControlId, slot: string, what: string): TreeOpError {
  return new TreeOpError("NOT_IN_SLOT", `${op.op}: ${what} is not in slot '${slot}' of control ${parent}`, op, id, parent, slot);
}

function checkSlot(op: { op: string; parent: unknown; slot: unknown }): Place {
  const parent = checkId(op, "parent", op.parent);
  if (typeof op.slot !== "string") throw new TreeOpError("BAD_OP", `${op.op}: 'slot' must be a string, not ${describe(op.slot)}`, op);
  return { parent, slot: op.slot };
}

function checkBefore(op: { op: string; before: unknown }): ControlId | null {
  return op.before === null ? null : checkId(op, "before", op.before);
}

function checkId(op: { op: string }, field: string, value: unknown): ControlId {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  throw new TreeOpError("BAD_OP", `${op.op}: '${field}' must be an integer id, not ${describe(value)}`, op);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function describe(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 80);
  } catch {
    return String(value);
  }
}
