import { describe, expect, it } from "vitest";
import type { TreeNode } from "@weft/protocol/channel";
import { formatTree, TreeStore, type TreeChange } from "../treeStore.ts";

const page: TreeNode = {
  i: 1,
  t: "Page",
  c: {
    views: [
      {
        i: 2,
        t: "View",
        c: { controls: [{ i: 3, t: "Text", k: "count" }, { i: 4, t: "Row", n: "TodoItem", k: "todo-milk", c: { controls: [{ i: 5, t: "Checkbox" }] } }] },
      },
    ],
  },
};

function storeWith(root: TreeNode = page) {
  const store = new TreeStore();
  const changes: TreeChange[] = [];
  store.subscribe((c) => changes.push(c));
  store.replace(root);
  changes.length = 0;
  return { store, changes };
}

/** What a tree view redraws for a change: the rows, or everything. */
const ids = (change: TreeChange) => (change.reset ? "all" : change.redraw);

describe("TreeStore", () => {
  it("builds the tree from the devserver's structure, names and keys included", () => {
    const { store } = storeWith();
    expect(formatTree(store)).toBe(["Page@1", "  View@2", "    Text#count", "    TodoItem(Row)#todo-milk", "      Checkbox@5"].join("\n"));
    expect(store.size).toBe(5);
    expect(store.pathTo(5)!.map((n) => n.id)).toEqual([1, 2, 4, 5]);
  });

  it("follows a control moved to another parent in one patch, whichever parent the runtime visits first", () => {
    // The runtime may insert the moved control under its new parent before it removes it from
    // the old one (docs/protocol.md: "if the id is already shown elsewhere, it moves here").
    const { store, changes } = storeWith();
    store.apply([
      { op: "insert", parent: 4, slot: "controls", before: null, node: { i: 3, t: "Text", k: "count" } },
      { op: "remove", parent: 2, slot: "controls", id: 3 },
    ]);
    expect(changes.some((c) => c.reset)).toBe(false);
    expect(store.pathTo(3)!.map((n) => n.id)).toEqual([1, 2, 4, 3]);
    expect(formatTree(store)).toBe(["Page@1", "  View@2", "    TodoItem(Row)#todo-milk", "      Checkbox@5", "      Text#count"].join("\n"));
  });

  it("follows a control moved into a new container in one patch (a shown id deep in the inserted subtree)", () => {
    const { store, changes } = storeWith();
    store.apply([
      { op: "insert", parent: 2, slot: "controls", before: null, node: { i: 8, t: "Card", c: { content: [{ i: 3, t: "Text", k: "count" }] } } },
      { op: "remove", parent: 2, slot: "controls", id: 3 },
    ]);
    expect(changes.some((c) => c.reset)).toBe(false);
    expect(store.pathTo(3)!.map((n) => n.id)).toEqual([1, 2, 8, 3]);
    expect(store.children(store.get(2)!).map((n) => n.id)).toEqual([4, 8]);
  });

  it("inserts before a sibling or at the end, and announces only the parent", () => {
    const { store, changes } = storeWith();
    store.apply([
      { op: "insert", parent: 2, slot: "controls", before: 4, node: { i: 6, t: "Button", k: "add" } },
      { op: "insert", parent: 2, slot: "controls", before: null, node: { i: 7, t: "Text" } },
    ]);
    expect(store.children(store.get(2)!).map((n) => n.id)).toEqual([3, 6, 4, 7]);
    expect(changes.map(ids)).toEqual([[2]]);
    expect(changes[0]!.changed).toEqual([6, 7]);
    expect(store.get(6)!.parent).toBe(2);
  });

  it("removes a subtree and forgets every id in it", () => {
    const { store } = storeWith();
    store.apply([{ op: "remove", parent: 2, slot: "controls", id: 4 }]);
    expect(store.get(4)).toBeUndefined();
    expect(store.get(5)).toBeUndefined();
    expect(store.size).toBe(3);
  });

  it("moves within a slot", () => {
    const { store } = storeWith();
    store.apply([{ op: "move", parent: 2, slot: "controls", id: 4, before: 3 }]);
    expect(store.children(store.get(2)!).map((n) => n.id)).toEqual([4, 3]);
  });

  it("changes a key; a set that changes nothing the row shows is a change to flash, not a row to redraw", () => {
    const { store, changes } = storeWith();
    store.apply([{ op: "set", id: 3 }]);
    expect(changes).toEqual([{ reset: false, changed: [3], redraw: [], structural: false }]);
    store.apply([{ op: "set", id: 3, k: "total" }]);
    expect(store.get(3)!.key).toBe("total");
    store.apply([{ op: "set", id: 3, k: null }]);
    expect(store.get(3)!.key).toBeUndefined();
    expect(changes.map(ids)).toEqual([[], [3], [3]]);
  });

  it("lists what changed in op order: set, inserted and moved controls", () => {
    const { store, changes } = storeWith();
    store.apply([
      { op: "set", id: 3, k: "total" },
      { op: "insert", parent: 2, slot: "controls", before: 4, node: { i: 7, t: "Text", k: "hint" } },
      { op: "move", parent: 2, slot: "controls", id: 4, before: 3 },
      { op: "remove", parent: 4, slot: "controls", id: 5 },
    ]);
    expect(formatTree(store)).toBe(["Page@1", "  View@2", "    TodoItem(Row)#todo-milk", "    Text#total", "    Text#hint"].join("\n"));
    expect(changes[0]).toMatchObject({ reset: false, changed: [3, 7, 4], structural: true });
  });

  it("leaves a control that an earlier op of the batch moved elsewhere where it is", () => {
    const { store } = storeWith();
    store.apply([
      { op: "insert", parent: 2, slot: "controls", before: null, node: { i: 5, t: "Checkbox" } },
      { op: "remove", parent: 4, slot: "controls", id: 5 },
    ]);
    expect(store.pathTo(5)!.map((n) => n.id)).toEqual([1, 2, 5]);
  });

  it("refuses an insert before a sibling that is not there, changing nothing", () => {
    const { store } = storeWith();
    expect(() => store.apply([{ op: "insert", parent: 2, slot: "controls", before: 42, node: { i: 8, t: "Text" } }])).toThrow(
      expect.objectContaining({ code: "NOT_IN_SLOT", id: 42, parent: 2, slot: "controls" }),
    );
    expect(store.get(8)).toBeUndefined();
  });

  it("announces a parent once when its descendants changed in the same batch", () => {
    const { store, changes } = storeWith();
    store.apply([
      { op: "insert", parent: 4, slot: "controls", before: null, node: { i: 8, t: "Button" } },
      { op: "insert", parent: 2, slot: "controls", before: null, node: { i: 9, t: "Text" } },
      { op: "set", id: 5, k: "done" },
    ]);
    expect(changes.map(ids)).toEqual([[2]]);
  });

  it("fails loudly, naming the ids, on an op that does not fit, and announces a reset", () => {
    const { store, changes } = storeWith();
    expect(() => store.apply([{ op: "remove", parent: 2, slot: "controls", id: 99 }])).toThrow(
      expect.objectContaining({ name: "TreeOpError", code: "UNKNOWN_CONTROL", id: 99, message: "remove: unknown control 99" }),
    );
    expect(() => store.apply([{ op: "insert", parent: 77, slot: "controls", before: null, node: { i: 30, t: "Text" } }])).toThrow("insert: unknown control 77");
    expect(() => store.apply([{ op: "move", parent: 2, slot: "controls", id: 3, before: 42 }])).toThrow(
      expect.objectContaining({ code: "NOT_IN_SLOT", id: 42, parent: 2, slot: "controls" }),
    );
    expect(changes.every((c) => c.reset)).toBe(true);
  });

  it("walks a 10,000-deep tree without recursion", () => {
    let node: TreeNode = { i: 10_000, t: "Text" };
    for (let i = 9_999; i >= 1; i--) node = { i, t: "Column", c: { controls: [node] } };
    const { store } = storeWith(node);
    let deepest = 0;
    let count = 0;
    store.walk((_, depth) => {
      count++;
      deepest = Math.max(deepest, depth);
    });
    expect([count, deepest]).toEqual([10_000, 9_999]);
    expect(store.depthOf(store.get(10_000)!)).toBe(9_999);
  });

  // How fast is for `npm run bench` (inspector section); here: a big tree stays correct.
  it("applies ten thousand inserts into a big tree", () => {
    const { store } = storeWith({ i: 1, t: "Page", c: { controls: [{ i: 2, t: "Column" }] } });
    for (let batch = 0; batch < 100; batch++) {
      store.apply(Array.from({ length: 100 }, (_, k) => ({ op: "insert" as const, parent: 2, slot: "controls", before: null, node: { i: 10 + batch * 100 + k, t: "Text" } })));
    }
    expect(store.size).toBe(10_002);
  });
});
