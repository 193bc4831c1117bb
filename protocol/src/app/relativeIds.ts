import type { ServerMessage, WireNode } from "./messages.ts";

/**
 * Relative ids, the wire form a client asks for with `register.ids: "relative"` (docs/protocol.md,
 * "Relative ids"). Ids count up as controls are constructed, so in a first page they are numbers
 * that change from node to node: what deflate cannot predict, and most of what is left of a page
 * once it is compressed (the 4,000-control page: 14.4 KiB on the wire, 4.9 KiB without ids).
 * Written relative to the node before, the same shape of subtree has the same text each time.
 *
 * In a message in this form, every node carries `d` instead of `i`: its id minus the id of the
 * node before it in the message, nodes taken in the order JSON lists them (depth first, parents
 * before children, across all the message's nodes); the first node's predecessor is 0. Only
 * nodes change: op ids (`set`, `remove`, `parent`, `before`) stay absolute.
 */

/** A node as it travels in a message with relative ids. */
export interface RelativeWireNode {
  d: number;
  t: string;
  n?: string;
  p: WireNode["p"];
  h?: string[];
  c?: Record<string, RelativeWireNode[]>;
}

/** Whether a server message carries nodes (the only messages the form changes). */
export function carriesNodes(message: ServerMessage): boolean {
  if (message.type === "registered") return true;
  if (message.type !== "patch") return false;
  for (const op of message.ops) if (op.op === "insert") return true;
  return false;
}

/** `message` with its nodes' ids relative (a copy of what changes; `message` is left as it is). */
export function toRelativeIds(message: ServerMessage): unknown {
  const state = { prev: 0 };
  if (message.type === "registered") return { ...message, page: relativeNode(message.page, state) };
  if (message.type !== "patch") return message;
  return { ...message, ops: message.ops.map((op) => (op.op === "insert" ? { ...op, node: relativeNode(op.node, state) } : op)) };
}

function relativeNode(node: WireNode, state: { prev: number }): RelativeWireNode {
  // The keys in WireNode's order, `d` where `i` was: the text around each id stays the same.
  const out: RelativeWireNode = { d: node.i - state.prev, t: node.t, p: node.p };
  state.prev = node.i;
  if (node.n !== undefined) out.n = node.n;
  if (node.h !== undefined) out.h = node.h;
  if (node.c) {
    const slots: Record<string, RelativeWireNode[]> = {};
    for (const slot in node.c) slots[slot] = node.c[slot]!.map((child) => relativeNode(child, state));
    out.c = slots;
  }
  return out;
}

/**
 * Turns a parsed message with relative ids back into the ordinary form, in place: each node
 * that carries `d` gets its `i`. A node that carries `i` keeps it (and counts as the
 * predecessor of the next), so a message in the ordinary form passes through unchanged.
 */
export function fromRelativeIds<M extends { type: string }>(message: M): M {
  const state = { prev: 0 };
  const m = message as unknown as { type: string; page?: unknown; ops?: unknown };
  if (m.type === "registered") absoluteNode(m.page, state);
  else if (m.type === "patch" && Array.isArray(m.ops)) {
    for (const op of m.ops as { op?: unknown; node?: unknown }[]) if (op && op.op === "insert") absoluteNode(op.node, state);
  }
  return message;
}

function absoluteNode(node: unknown, state: { prev: number }): void {
  if (typeof node !== "object" || node === null) return;
  const n = node as { i?: unknown; d?: unknown; c?: unknown };
  if (typeof n.d === "number" && n.i === undefined) {
    n.i = state.prev + n.d;
    delete n.d;
  }
  if (typeof n.i === "number") state.prev = n.i;
  if (typeof n.c !== "object" || n.c === null) return;
  for (const children of Object.values(n.c as Record<string, unknown>)) {
    if (Array.isArray(children)) for (const child of children) absoluteNode(child, state);
  }
}
