import { describe, expect, it } from "vitest";
import { Button, Column, Container, Row, Text, type Control } from "../../index.ts";
import type { PatchOp } from "@weft/protocol";
import { openSession } from "../../testing/index.ts";
import { describeTree } from "../wireNode.ts";

/** A session whose page holds `root`, plus a mirror fed by the patches it sends. */
async function mounted(root: Control) {
  const s = await openSession((page) => page.add(root));
  const ops = () => {
    const before = s.messages.length;
    s.page.update();
    return s.messages.slice(before).flatMap((m) => (m.message.type === "patch" ? m.message.ops : []));
  };
  const inSync = () => expect(s.mirror.toWire()).toEqual(describeTree(s.page));
  return { s, ops, inSync };
}

const kinds = (ops: PatchOp[]) => ops.map((op) => op.op);

describe("Tree", () => {
  it("sends one set op with only the prop that changed", async () => {
    const a = new Text("a");
    const b = new Text("b", { size: 12 });
    const { ops } = await mounted(new Column([a, b]));
    b.value = "B";
    expect(ops()).toEqual([{ op: "set", id: b.id, props: { value: "B" } }]);
  });

  it("sends nothing when a prop is set to the value it already has, or changed and changed back", async () => {
    const t = new Text("same");
    const { ops } = await mounted(t);
    t.value = "same";
    expect(ops()).toEqual([]);
    t.value = "other";
    t.value = "same";
    expect(ops()).toEqual([]);
  });

  it("sends a removed prop as null", async () => {
    const t = new Text("x", { color: "red" });
    const { ops } = await mounted(t);
    t.color = undefined;
    expect(ops()).toEqual([{ op: "set", id: t.id, props: { color: null } }]);
  });

  it("tells the client when a handler appears or goes", async () => {
    const b = new Button("go");
    const { ops } = await mounted(b);
    b.onClick = () => {};
    expect(ops()).toEqual([{ op: "set", id: b.id, h: ["click"] }]);
    b.onClick = () => {}; // another function, still a handler: nothing to tell
    expect(ops()).toEqual([]);
    b.onClick = undefined;
    expect(ops()).toEqual([{ op: "set", id: b.id, h: [] }]);
  });

  it("appends with one insert and removes with one remove, unmounting the subtree", async () => {
    const list = new Column([new Text("1")]);
    const { s, ops, inSync } = await mounted(list);
    const inner = new Text("inner");
    const added = new Row([inner]);
    list.controls.push(added);
    const appended = ops();
    expect(kinds(appended)).toEqual(["insert"]);
    expect(appended[0]).toMatchObject({ parent: list.id, slot: "controls", before: null });
    expect(s.session.tree.index.get(inner.id)).toBe(inner);
    inSync();
    list.controls.splice(1, 1);
    expect(ops()).toEqual([{ op: "remove", parent: list.id, slot: "controls", id: added.id }]);
    expect(s.session.tree.index.has(inner.id)).toBe(false);
    expect(inner.page).toBeNull();
    inSync();
  });

  it("moves only the controls that left the longest run in order", async () => {
    const items = ["a", "b", "c", "d", "e"].map((k) => new Text(k, { key: k }));
    const list = new Column(items);
    const { ops, inSync } = await mounted(list);
    list.controls = [items[1]!, items[2]!, items[3]!, items[4]!, items[0]!]; // first to last
    expect(kinds(ops())).toEqual(["move"]);
    inSync();
    list.controls = [...list.controls].reverse();
    expect(kinds(ops())).toEqual(["move", "move", "move", "move"]);
    inSync();
  });

  it("lets a new control with the same key and class take over the old one's id and node", async () => {
    const old = new Text("old", { key: "k", color: "red" });
    const list = new Column([old]);
    const { s, ops, inSync } = await mounted(list);
    const heir = new Text("new", { key: "k", color: "red" });
    list.controls = [heir];
    expect(ops()).toEqual([{ op: "set", id: old.id, props: { value: "new" } }]);
    expect(heir.id).toBe(old.id);
    expect(s.session.tree.index.get(old.id)).toBe(heir);
    expect(old.page).toBeNull();
    inSync();
    heir.value = "newer";
    expect(ops()).toEqual([{ op: "set", id: heir.id, props: { value: "newer" } }]);
  });

  it("lets unkeyed new controls take over old ones of the same class at the same position", async () => {
    const list = new Column([new Text("a"), new Text("b"), new Button("c")]);
    const { ops, inSync } = await mounted(list);
    const ids = list.controls.map((c) => c.id);
    list.controls = [new Text("a"), new Text("B"), new Text("c")];
    const out = ops();
    expect(kinds(out).sort()).toEqual(["insert", "remove", "set"]);
    expect(out).toContainEqual({ op: "set", id: ids[1], props: { value: "B" } });
    expect(list.controls.map((c) => c.id).slice(0, 2)).toEqual(ids.slice(0, 2));
    inSync();
  });

  it("moves a control from one parent to another in one flush, whichever is visited first", async () => {
    const moving = new Text("m");
    const left = new Column([moving]);
    const right = new Column([]);
    const { s, ops, inSync } = await mounted(new Row([left, right]));
    right.controls.push(moving);
    left.controls.length = 0;
    ops();
    inSync();
    expect(s.session.tree.index.get(moving.id)).toBe(moving);
    left.controls.push(moving);
    right.controls.pop();
    ops();
    inSync();
    expect(moving.page).not.toBeNull();
  });

  it("handles single-child slots like a list of at most one", async () => {
    const box = new Container({ content: new Text("a") });
    const { ops, inSync } = await mounted(box);
    box.content = new Text("b"); // same class, same place: takes over the old node
    expect(kinds(ops())).toEqual(["set"]);
    inSync();
    box.content = new Button("c"); // another class: a new node
    expect(kinds(ops())).toEqual(["remove", "insert"]);
    inSync();
    box.content = undefined;
    expect(kinds(ops())).toEqual(["remove"]);
    inSync();
  });

  it("sends one op for one prop change on a 4,000-control page", async () => {
    const cells = Array.from({ length: 4000 }, (_, i) => new Text(String(i)));
    const { ops } = await mounted(new Row(cells, { wrap: true }));
    cells[1234]!.value = "changed";
    expect(ops()).toEqual([{ op: "set", id: cells[1234]!.id, props: { value: "changed" } }]);
  });

  it("stays in sync with its client through random edits", async () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const columns = [new Column([]), new Column([]), new Column([])];
    const { ops, inSync } = await mounted(new Row(columns));
    let made = 0;
    for (let step = 0; step < 300; step++) {
      for (let edit = 0; edit < 1 + rand(4); edit++) {
        const list = columns[rand(3)]!.controls;
        const r = rand(7);
        if (r === 0 || list.length === 0) list.splice(rand(list.length + 1), 0, new Text(`t${made++}`, { key: `k${rand(20)}` }));
        else if (r === 1) list.splice(rand(list.length), 1);
        else if (r === 2) list.splice(rand(list.length + 1), 0, ...list.splice(rand(list.length), 1));
        else if (r === 3) {
          const from = list.splice(rand(list.length), 1)[0]!;
          const to = columns[rand(3)]!.controls;
          if (!to.includes(from)) to.splice(rand(to.length + 1), 0, from);
        } else if (r === 4) (list[rand(list.length)] as Text).value = `v${rand(100)}`;
        else if (r === 5) list.reverse();
        else list[rand(list.length)] = new Text(`r${made++}`, { key: (list[rand(list.length)] as Text).key });
      }
      // keep keys unique per list, as keyed lists require
      for (const c of columns) c.controls = c.controls.filter((x, i, all) => all.findIndex((y) => y.key === x.key) === i && all.indexOf(x) === i);
      for (const c of columns) for (const other of columns) if (c !== other) other.controls = other.controls.filter((x) => !c.controls.includes(x) || c.id < other.id);
      ops();
      inSync();
    }
  });
});

describe("Tree errors", () => {
  it("refuses a non-control child and says how to fix a string", async () => {
    const s = await openSession((page) => page.add(new Column([])));
    const col = s.page.controls[0] as Column;
    (col.controls as unknown[]).push("hello");
    expect(s.messages.at(-1)?.message.type).not.toBe("error");
    s.page.update();
    const last = s.messages.at(-1)!.message;
    expect(last).toMatchObject({ type: "error", code: "HANDLER_ERROR" });
    expect((last as { message: string }).message).toMatch(/controls\[0\] is string, not a control; wrap text in new Text\("hello"\)/);
  });

  it("takes a class field named like a prop as that prop (it was refused as SHADOWED_PROP before)", async () => {
    class Shelf extends Row {
      override controls = [new Text("x")];
    }
    const s = await openSession((page) => page.add(new Shelf()));
    expect(s.session.crashed).toBeNull();
    expect(s.find({ text: "x" }).controlType).toBe("Text");
  });

  it("keeps ids from colliding across sessions and refuses a control shown in two sessions", async () => {
    const shared = new Text("shared");
    const one = await openSession((page) => page.add(shared));
    const two = await openSession((page) => page.add(shared));
    expect(one.session.crashed).toBeNull();
    expect(two.session.crashed).toMatch(/already shown in another session/);
    expect(two.mirror.root).toBeNull(); // the second tab got a crash, not a page
  });
});
