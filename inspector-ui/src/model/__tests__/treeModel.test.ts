import { describe, expect, it } from "vitest";
import { TreeOpError, type TreeNode } from "@weft/protocol/channel";
import { TreeModel, nameOf } from "../treeModel.ts";

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

/** The visible rows as indented text, the way a reader checks a tree. */
const print = (m: TreeModel) => m.rows().map((r) => "  ".repeat(r.depth) + nameOf(m.get(r.id)!) + (m.get(r.id)!.summary ? " " + m.get(r.id)!.summary : ""));

describe("inspector tree model", () => {
  it("holds a whole tree and lists its rows depth-first", () => {
    const m = new TreeModel();
    m.replace(page);
    expect(print(m)).toEqual(['Page#1 "/"', "  View#2", '    Text#count "0"', '    Button#inc "+"', "    TodoItem#todo-1", '      Checkbox#6 "milk"']);
  });

  it("applies set, insert, move and remove ops in place", () => {
    const m = new TreeModel();
    m.replace(page);
    m.apply([
      { op: "set", id: 3, s: '"1"' },
      { op: "insert", parent: 2, slot: "controls", before: 4, node: { i: 7, t: "Text", k: "hint", s: '"hi"' } },
      { op: "move", parent: 2, slot: "controls", id: 5, before: 3 },
      { op: "remove", parent: 5, slot: "controls", id: 6 },
    ]);
    expect(print(m)).toEqual(['Page#1 "/"', "  View#2", "    TodoItem#todo-1", '    Text#count "1"', '    Text#hint "hi"', '    Button#inc "+"']);
    expect(m.get(6)).toBeUndefined();
    expect(m.lastChanged).toEqual([3, 7, 5]);
  });

  it("throws with the ids when an op names a control it does not hold", () => {
    const m = new TreeModel();
    m.replace(page);
    expect(() => m.apply([{ op: "set", id: 99 }])).toThrow(TreeOpError);
    expect(() => m.apply([{ op: "remove", parent: 2, slot: "controls", id: 99 }])).toThrow(expect.objectContaining({ code: "UNKNOWN_CONTROL", id: 99 }));
    // A sibling that is not there: refused (it used to be appended silently), the tree unchanged.
    expect(() => m.apply([{ op: "insert", parent: 2, slot: "controls", before: 42, node: { i: 8, t: "Text" } }])).toThrow(
      expect.objectContaining({ code: "NOT_IN_SLOT", id: 42, parent: 2, slot: "controls" }),
    );
    expect(m.get(8)).toBeUndefined();
    m.apply([{ op: "remove", parent: 2, slot: "controls", id: 6 }]); // #6 lives under #5: already moved away, nothing to do
    expect(m.get(6)).toBeDefined();
  });

  it("hides what is under a collapsed node and reveals a node by opening its ancestors", () => {
    const m = new TreeModel();
    m.replace(page);
    m.setCollapsed(2, true);
    expect(m.rows().map((r) => r.id)).toEqual([1, 2]);
    m.reveal(6);
    expect(m.rows().map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
    m.collapseBelow(2);
    expect(m.rows().map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it("finds controls by type, class, key, Type#key and summary text", () => {
    const m = new TreeModel();
    m.replace(page);
    expect(m.search("button")).toEqual([4]);
    expect(m.search("todoitem")).toEqual([5]);
    expect(m.search("#inc")).toEqual([4]);
    expect(m.search("Text#count")).toEqual([3]);
    expect(m.search("milk")).toEqual([6]);
    expect(m.search("  ")).toEqual([]);
  });

  it("lists 10,000 rows of a deep tree without recursion", () => {
    let node: TreeNode = { i: 10_000, t: "Text" };
    for (let i = 9_999; i >= 1; i--) node = { i, t: "Column", c: { controls: [node] } };
    const m = new TreeModel();
    m.replace(node);
    expect(m.rows()).toHaveLength(10_000);
    expect(m.rows()[9_999]!.depth).toBe(9_999);
  });
});
