import { describe, expect, it } from "vitest";
import { applyTreeOp, TreeOpError, type PatchOp, type SetOp, type TreeTarget, type WireNode } from "../index.ts";

/**
 * The simplest storage the applier can drive: an id map with child-id lists, like the inspector's.
 * It counts its mutations, so a test can check that a refused op changed nothing.
 */
function tree(page: WireNode) {
  const nodes = new Map<number, { t: string; p: Record<string, unknown>; parent: number | null; slot: string | null; c: Record<string, number[]> }>();
  let mutations = 0;
  const add = (root: WireNode, parent: number | null, slot: string | null) => {
    const stack = [{ wire: root, parent, slot }];
    while (stack.length) {
      const { wire, parent, slot } = stack.pop()!;
      if (nodes.has(wire.i)) throw new Error(`the applier let id ${wire.i} in twice`);
      const c: Record<string, number[]> = {};
      nodes.set(wire.i, { t: wire.t, p: { ...wire.p }, parent, slot, c });
      for (const name in wire.c) {
        c[name] = wire.c[name]!.map((child) => child.i);
        for (const child of wire.c[name]!) stack.push({ wire: child, parent: wire.i, slot: name });
      }
    }
  };
  const drop = (id: number) => {
    const stack = [id];
    while (stack.length) {
      const next = stack.pop()!;
      const node = nodes.get(next)!;
      nodes.delete(next);
      for (const name in node.c) stack.push(...node.c[name]!);
    }
  };
  add(page, null, null);
  const target: TreeTarget<WireNode, SetOp> = {
    has: (id) => nodes.has(id),
    placeOf: (id) => {
      const node = nodes.get(id)!;
      return node.parent === null ? null : { parent: node.parent, slot: node.slot! };
    },
    indexOf: (parent, slot, child) => nodes.get(parent)?.c[slot]?.indexOf(child) ?? -1,
    count: (parent, slot) => nodes.get(parent)?.c[slot]?.length ?? 0,
    insert: (parent, slot, at, node) => {
      mutations++;
      add(node, parent, slot);
      (nodes.get(parent)!.c[slot] ??= []).splice(at, 0, node.i);
    },
    remove: (parent, slot, at) => {
      mutations++;
      drop(nodes.get(parent)!.c[slot]!.splice(at, 1)[0]!);
    },
    move: (parent, slot, from, to) => {
      mutations++;
      const list = nodes.get(parent)!.c[slot]!;
      list.splice(to, 0, ...list.splice(from, 1));
    },
    set: (op) => {
      mutations++;
      Object.assign(nodes.get(op.id)!.p, op.props);
    },
  };
  return {
    apply: (...ops: PatchOp[]) => ops.forEach((op) => applyTreeOp(target, op)),
    /** Slot `slot` of `id`, as ids. */
    ids: (id: number, slot = "controls") => nodes.get(id)?.c[slot] ?? [],
    node: (id: number) => nodes.get(id),
    get mutations() {
      return mutations;
    },
    get size() {
      return nodes.size;
    },
  };
}

const text = (i: number, value = String(i)): WireNode => ({ i, t: "Text", p: { value } });
const column = (i: number, ...children: WireNode[]): WireNode => ({ i, t: "Column", p: {}, c: { controls: children } });

/** Page 1 > Column 2 [Text 3, Text 4, Column 5 [Text 6, Text 7]], Column 8 []. */
const page = (): WireNode => ({ i: 1, t: "Page", p: {}, c: { controls: [column(2, text(3), text(4), column(5, text(6), text(7))), column(8)] } });

/** Applies `op` expecting a refusal; checks the error and that the tree did not change. */
function refused(t: ReturnType<typeof tree>, op: unknown, expected: Partial<TreeOpError>) {
  const before = t.mutations;
  let error: unknown;
  try {
    t.apply(op as PatchOp);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(TreeOpError);
  expect(error).toMatchObject(expected);
  expect(t.mutations).toBe(before);
  return error as TreeOpError;
}

describe("applyTreeOp: the ops", () => {
  it("set changes a node's props", () => {
    const t = tree(page());
    t.apply({ op: "set", id: 3, props: { value: "x" } });
    expect(t.node(3)!.p.value).toBe("x");
  });

  it("insert puts a node before its sibling, or at the end when before is null", () => {
    const t = tree(page());
    t.apply({ op: "insert", parent: 2, slot: "controls", before: 4, node: text(20) });
    t.apply({ op: "insert", parent: 2, slot: "controls", before: null, node: text(21) });
    expect(t.ids(2)).toEqual([3, 20, 4, 5, 21]);
  });

  it("insert fills a slot that was never sent", () => {
    const t = tree(page());
    t.apply({ op: "insert", parent: 3, slot: "content", before: null, node: text(20) });
    expect(t.ids(3, "content")).toEqual([20]);
    expect(t.node(20)).toMatchObject({ parent: 3, slot: "content" });
  });

  it("insert of a control shown elsewhere moves it: its old copy and subtree go", () => {
    const t = tree(page());
    t.apply({ op: "insert", parent: 8, slot: "controls", before: null, node: column(5, text(6)) });
    expect(t.ids(2)).toEqual([3, 4]);
    expect(t.ids(8)).toEqual([5]);
    expect(t.ids(5)).toEqual([6]);
    expect(t.node(7)).toBeUndefined(); // not in the new subtree: gone with the old copy
    t.apply({ op: "remove", parent: 2, slot: "controls", id: 5 }); // the batch's remove from the old place: nothing to do
    expect(t.ids(8)).toEqual([5]);
  });

  it("insert moves a control of the new subtree that is shown somewhere else", () => {
    const t = tree(page());
    // Text 3 moves into a new column under 8 in the same op.
    t.apply({ op: "insert", parent: 8, slot: "controls", before: null, node: column(30, text(3, "moved")) });
    expect(t.ids(2)).toEqual([4, 5]);
    expect(t.ids(30)).toEqual([3]);
    expect(t.node(3)).toMatchObject({ parent: 30, p: { value: "moved" } });
  });

  it("insert within the same slot re-places the control", () => {
    const t = tree(page());
    t.apply({ op: "insert", parent: 2, slot: "controls", before: 3, node: text(5) });
    expect(t.ids(2)).toEqual([5, 3, 4]);
    expect(t.node(6)).toBeUndefined();
  });

  it("remove takes a control and its subtree out", () => {
    const t = tree(page());
    t.apply({ op: "remove", parent: 2, slot: "controls", id: 5 });
    expect(t.ids(2)).toEqual([3, 4]);
    expect([5, 6, 7].map((id) => t.node(id))).toEqual([undefined, undefined, undefined]);
    expect(t.size).toBe(5);
  });

  it("remove of a control an earlier op moved to another slot leaves it there", () => {
    const t = tree(page());
    t.apply({ op: "insert", parent: 5, slot: "content", before: null, node: text(3) });
    t.apply({ op: "remove", parent: 2, slot: "controls", id: 3 });
    expect(t.ids(5, "content")).toEqual([3]);
  });

  it("move re-orders a slot: forward, backward and to the end", () => {
    const t = tree(page());
    t.apply({ op: "move", parent: 2, slot: "controls", id: 3, before: 5 });
    expect(t.ids(2)).toEqual([4, 3, 5]);
    t.apply({ op: "move", parent: 2, slot: "controls", id: 5, before: 4 });
    expect(t.ids(2)).toEqual([5, 4, 3]);
    t.apply({ op: "move", parent: 2, slot: "controls", id: 5, before: null });
    expect(t.ids(2)).toEqual([4, 3, 5]);
    const mutations = t.mutations;
    t.apply({ op: "move", parent: 2, slot: "controls", id: 5, before: null }); // already there
    expect(t.mutations).toBe(mutations);
  });

  it("applies a 10,000-deep subtree without overflowing the stack", () => {
    const t = tree(page());
    let deep: WireNode = text(100_000);
    for (let i = 99_999; i >= 90_000; i--) deep = column(i, deep);
    t.apply({ op: "insert", parent: 8, slot: "controls", before: null, node: deep });
    expect(t.node(100_000)).toBeDefined();
  });
});

describe("applyTreeOp: one rule for an op that does not fit — TreeOpError with the ids, nothing changed", () => {
  it("set of an unknown control", () => {
    const t = tree(page());
    const err = refused(t, { op: "set", id: 99, props: { value: "x" } }, { code: "UNKNOWN_CONTROL", id: 99 });
    expect(err.message).toBe("set: unknown control 99");
    expect(err.op).toEqual({ op: "set", id: 99, props: { value: "x" } });
  });

  it("insert into an unknown parent", () => {
    refused(tree(page()), { op: "insert", parent: 77, slot: "controls", before: null, node: text(20) }, { code: "UNKNOWN_CONTROL", id: 77, message: "insert: unknown control 77" });
  });

  it("insert before a sibling that is not in the slot (unknown, or in another slot)", () => {
    const t = tree(page());
    const err = refused(t, { op: "insert", parent: 2, slot: "controls", before: 777, node: text(20) }, { code: "NOT_IN_SLOT", id: 777, parent: 2, slot: "controls" });
    expect(err.message).toBe("insert: sibling 777 is not in slot 'controls' of control 2");
    refused(t, { op: "insert", parent: 2, slot: "controls", before: 6, node: text(20) }, { code: "NOT_IN_SLOT", id: 6 });
    expect(t.node(20)).toBeUndefined();
  });

  it("insert before a sibling the same op moves away", () => {
    refused(tree(page()), { op: "insert", parent: 2, slot: "controls", before: 3, node: column(30, text(3)) }, { code: "NOT_IN_SLOT", id: 3 });
  });

  it("insert of a control into its own subtree, and a move of the root", () => {
    const t = tree(page());
    refused(t, { op: "insert", parent: 6, slot: "controls", before: null, node: column(5) }, { code: "NOT_MOVABLE", id: 5 });
    refused(t, { op: "insert", parent: 5, slot: "controls", before: null, node: column(5) }, { code: "NOT_MOVABLE", id: 5 });
    refused(t, { op: "insert", parent: 8, slot: "controls", before: null, node: column(1) }, { code: "NOT_MOVABLE", id: 1 });
    expect(t.ids(2)).toEqual([3, 4, 5]);
  });

  it("remove from an unknown parent, and of an unknown control", () => {
    const t = tree(page());
    refused(t, { op: "remove", parent: 77, slot: "controls", id: 3 }, { code: "UNKNOWN_CONTROL", id: 77 });
    refused(t, { op: "remove", parent: 2, slot: "controls", id: 99 }, { code: "UNKNOWN_CONTROL", id: 99, message: "remove: unknown control 99" });
    // A known control that lives in another slot (even of the same parent) was moved there by an
    // earlier op of its batch (the server diffs slot by slot): the remove has nothing to do.
    t.apply({ op: "remove", parent: 1, slot: "content", id: 2 });
    expect(t.ids(1)).toEqual([2, 8]);
    // The root sits in no slot.
    refused(t, { op: "remove", parent: 2, slot: "controls", id: 1 }, { code: "NOT_IN_SLOT", id: 1, parent: 2, slot: "controls" });
  });

  it("move of an unknown control, of one not in the slot, before a sibling not there, before itself", () => {
    const t = tree(page());
    refused(t, { op: "move", parent: 77, slot: "controls", id: 3, before: null }, { code: "UNKNOWN_CONTROL", id: 77 });
    refused(t, { op: "move", parent: 2, slot: "controls", id: 99, before: null }, { code: "UNKNOWN_CONTROL", id: 99 });
    refused(t, { op: "move", parent: 2, slot: "controls", id: 6, before: null }, { code: "NOT_IN_SLOT", id: 6, parent: 2, slot: "controls" });
    refused(t, { op: "move", parent: 2, slot: "controls", id: 3, before: 42 }, { code: "NOT_IN_SLOT", id: 42, message: "move: sibling 42 is not in slot 'controls' of control 2" });
    refused(t, { op: "move", parent: 2, slot: "controls", id: 3, before: 3 }, { code: "BAD_OP", id: 3 });
    expect(t.ids(2)).toEqual([3, 4, 5]);
  });

  it("malformed ops: not an object, an unknown op, ids that are not integers, a bad subtree", () => {
    const t = tree(page());
    refused(t, null, { code: "BAD_OP", message: "a tree op must be an object, not null" });
    refused(t, { op: "replace", id: 3 }, { code: "BAD_OP", message: 'unknown tree op "replace"' });
    refused(t, { op: "set", id: "3" }, { code: "BAD_OP", message: `set: 'id' must be an integer id, not "3"` });
    refused(t, { op: "remove", parent: 2, slot: 5, id: 3 }, { code: "BAD_OP" });
    refused(t, { op: "move", parent: 2, slot: "controls", id: 3, before: 1.5 }, { code: "BAD_OP" });
    refused(t, { op: "insert", parent: 2, slot: "controls", before: null }, { code: "BAD_OP", message: "insert: 'node' must be an object, not undefined" });
    refused(t, { op: "insert", parent: 2, slot: "controls", before: null, node: { i: 20, t: "Column", p: {}, c: { controls: "no" } } }, { code: "BAD_OP", id: 20 });
    refused(t, { op: "insert", parent: 2, slot: "controls", before: null, node: column(20, text(21), text(21)) }, { code: "BAD_OP", id: 21, message: "insert: control 21 appears twice in the inserted subtree" });
    expect(t.size).toBe(8);
  });
});
