import { describe, expect, it } from "vitest";
import { nameOf, TreeStore } from "@weft/devtools-client";
import type { TreeNode } from "@weft/protocol/channel";
import { TreeRows } from "../treeRows.ts";

const page: TreeNode = {
  i: 1,
  t: "Page",
  s: '"/"',
  c: {
    views: [
      {
        i: 2,
        t: "View",
        c: {
          controls: [
            { i: 3, t: "Text", k: "count", s: '"0"' },
            { i: 4, t: "Button", k: "inc", s: '"+"' },
            { i: 5, t: "Row", n: "TodoItem", k: "todo-1", c: { controls: [{ i: 6, t: "Checkbox", s: '"milk"' }] } },
          ],
        },
      },
    ],
  },
};

function rowsOf(root: TreeNode) {
  const store = new TreeStore();
  const rows = new TreeRows(store);
  store.replace(root);
  return { store, rows };
}

/** The visible rows as indented text, the way a reader checks a tree. */
const print = (m: TreeRows) => m.rows().map((r) => "  ".repeat(r.depth) + nameOf(m.get(r.id)!) + (m.get(r.id)!.summary ? " " + m.get(r.id)!.summary : ""));

describe("inspector tree rows", () => {
  it("lists a whole tree's rows depth-first", () => {
    const { rows } = rowsOf(page);
    expect(print(rows)).toEqual(['Page@1 "/"', "  View@2", '    Text#count "0"', '    Button#inc "+"', "    TodoItem#todo-1", '      Checkbox@6 "milk"']);
  });

  it("follows the store's ops: new rows after a structural change, new text after a set", () => {
    const { store, rows } = rowsOf(page);
    const before = rows.version;
    store.apply([{ op: "set", id: 3, s: '"1"' }]);
    expect(print(rows)[2]).toBe('    Text#count "1"');
    expect(rows.version).not.toBe(before);
    store.apply([
      { op: "insert", parent: 2, slot: "controls", before: 4, node: { i: 7, t: "Text", k: "hint", s: '"hi"' } },
      { op: "move", parent: 2, slot: "controls", id: 5, before: 3 },
      { op: "remove", parent: 5, slot: "controls", id: 6 },
    ]);
    expect(print(rows)).toEqual(['Page@1 "/"', "  View@2", "    TodoItem#todo-1", '    Text#count "1"', '    Text#hint "hi"', '    Button#inc "+"']);
  });

  it("hides what is under a collapsed node and reveals a node by opening its ancestors", () => {
    const { rows } = rowsOf(page);
    rows.setCollapsed(2, true);
    expect(rows.rows().map((r) => r.id)).toEqual([1, 2]);
    rows.reveal(6);
    expect(rows.rows().map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
    rows.collapseBelow(2);
    expect(rows.rows().map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    rows.expandAll();
    expect(rows.rows()).toHaveLength(6);
  });

  it("finds controls by type, class, key, Type#key, summary text and id", () => {
    const { rows } = rowsOf(page);
    expect(rows.search("button")).toEqual([4]);
    expect(rows.search("todoitem")).toEqual([5]);
    expect(rows.search("#inc")).toEqual([4]);
    expect(rows.search("Text#count")).toEqual([3]);
    expect(rows.search("milk")).toEqual([6]);
    expect(rows.search("#6")).toEqual([6]);
    expect(rows.search("  ")).toEqual([]);
  });

  it("lists 10,000 rows of a deep tree without recursion", () => {
    let node: TreeNode = { i: 10_000, t: "Text" };
    for (let i = 9_999; i >= 1; i--) node = { i, t: "Column", c: { controls: [node] } };
    const { rows } = rowsOf(node);
    expect(rows.rows()).toHaveLength(10_000);
    expect(rows.rows()[9_999]!.depth).toBe(9_999);
  });
});

describe("inspector tree rows, filtered", () => {
  it("shows only the search's matches and the way down to them, even under a folded node, and everything again after", () => {
    const { rows } = rowsOf(page);
    rows.setCollapsed(5, true);
    rows.setFilter(rows.search("milk"));
    expect(print(rows)).toEqual(['Page@1 "/"', "  View@2", "    TodoItem#todo-1", '      Checkbox@6 "milk"']);
    rows.setFilter(null);
    expect(print(rows)).toHaveLength(5); // the fold is kept
  });
});
