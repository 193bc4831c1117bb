import { afterEach, describe, expect, it, vi } from "vitest";
import type { PatchOp, WireNode } from "@weft/protocol";
import { NodeStore } from "../NodeStore.ts";

/** A page with one view holding a column of three texts (ids 10, 11, 12). */
function page(): WireNode {
  return {
    i: 1,
    t: "Page",
    p: { title: "T" },
    c: {
      views: [
        {
          i: 2,
          t: "View",
          p: {},
          c: {
            controls: [
              {
                i: 3,
                t: "Column",
                p: { spacing: 8 },
                c: {
                  controls: [
                    { i: 10, t: "Text", p: { value: "a" } },
                    { i: 11, t: "Text", p: { value: "b" }, h: ["click"] },
                    { i: 12, t: "Row", n: "Item", p: {}, c: { controls: [{ i: 20, t: "Text", p: { value: "deep" } }] } },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
  };
}

function storeWithPage(): NodeStore {
  const store = new NodeStore();
  store.replace(page());
  return store;
}

const text = (i: number, value: string): WireNode => ({ i, t: "Text", p: { value } });

/** Prints a slot as text, like React DevTools' serializers: "Column 3: 10 11 12". */
function ids(store: NodeStore, id: number, slot = "controls"): number[] {
  return [...store.children(id, slot)];
}

afterEach(() => vi.restoreAllMocks());

describe("NodeStore", () => {
  it("builds every node of the page on registered, with parents and slots", () => {
    const store = storeWithPage();
    expect(store.rootId).toBe(1);
    expect(store.size).toBe(7);
    expect(ids(store, 1, "views")).toEqual([2]);
    expect(ids(store, 3)).toEqual([10, 11, 12]);
    const item = store.get(12)!;
    expect(item).toMatchObject({ t: "Row", n: "Item", parent: 3, slot: "controls" });
    expect(store.get(11)!.h).toEqual(["click"]);
    expect(store.get(10)!.h).toEqual([]);
    expect(store.get(20)!.parent).toBe(12);
  });

  it("replaces everything on a second registered and notifies every listener", () => {
    const store = storeWithPage();
    const listener = vi.fn();
    const rootListener = vi.fn();
    store.subscribe(10, listener);
    store.subscribeRoot(rootListener);
    store.replace({ i: 1, t: "Page", p: {} });
    expect(store.size).toBe(1);
    expect(store.get(10)).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(rootListener).toHaveBeenCalledTimes(1);
  });

  it("merges props on set, deletes a prop set to null, and replaces h", () => {
    const store = storeWithPage();
    const before = store.get(3)!;
    store.applyPatch([{ op: "set", id: 3, props: { spacing: null, wrap: true }, h: ["click"] }]);
    const after = store.get(3)!;
    expect(after.p).toEqual({ wrap: true });
    expect(after.h).toEqual(["click"]);
    // The old snapshot is untouched: components compare nodes by identity.
    expect(before.p).toEqual({ spacing: 8 });
    expect(after).not.toBe(before);
    expect(after.slots).toBe(before.slots);
  });

  it("inserts before a sibling, and at the end when before is null", () => {
    const store = storeWithPage();
    store.applyPatch([
      { op: "insert", parent: 3, slot: "controls", before: 11, node: text(30, "x") },
      { op: "insert", parent: 3, slot: "controls", before: null, node: text(31, "y") },
    ]);
    expect(ids(store, 3)).toEqual([10, 30, 11, 12, 31]);
    expect(store.get(30)).toMatchObject({ parent: 3, slot: "controls", p: { value: "x" } });
  });

  it("inserts into a slot the parent never had", () => {
    const store = storeWithPage();
    store.applyPatch([{ op: "insert", parent: 10, slot: "content", before: null, node: text(40, "c") }]);
    expect(ids(store, 10, "content")).toEqual([40]);
  });

  it("drops the whole subtree of a removed node", () => {
    const store = storeWithPage();
    store.applyPatch([{ op: "remove", parent: 3, slot: "controls", id: 12 }]);
    expect(ids(store, 3)).toEqual([10, 11]);
    expect(store.get(12)).toBeUndefined();
    expect(store.get(20)).toBeUndefined();
    expect(store.size).toBe(5);
  });

  it("moves a node before a sibling and to the end", () => {
    const store = storeWithPage();
    store.applyPatch([{ op: "move", parent: 3, slot: "controls", id: 12, before: 10 }]);
    expect(ids(store, 3)).toEqual([12, 10, 11]);
    store.applyPatch([{ op: "move", parent: 3, slot: "controls", id: 12, before: null }]);
    expect(ids(store, 3)).toEqual([10, 11, 12]);
    expect(store.get(20)!.parent).toBe(12);
  });

  it("moves a node to its new parent when an insert names an id that exists elsewhere", () => {
    const store = storeWithPage();
    const moved: WireNode = { i: 12, t: "Row", n: "Item", p: {}, c: { controls: [text(20, "deep")] } };
    store.applyPatch([
      { op: "insert", parent: 2, slot: "controls", before: 3, node: moved },
      // The old parent's diff still reports the removal; the node must survive it.
      { op: "remove", parent: 3, slot: "controls", id: 12 },
    ]);
    expect(ids(store, 3)).toEqual([10, 11]);
    expect(ids(store, 2)).toEqual([12, 3]);
    expect(store.get(12)).toMatchObject({ parent: 2, slot: "controls" });
    expect(store.get(20)).toMatchObject({ parent: 12 });
  });

  it("re-creates a node that a remove dropped before the insert that moves it", () => {
    const store = storeWithPage();
    store.applyPatch([
      { op: "remove", parent: 3, slot: "controls", id: 12 },
      { op: "insert", parent: 2, slot: "controls", before: null, node: { i: 12, t: "Row", p: {}, c: { controls: [text(20, "deep")] } } },
    ]);
    expect(ids(store, 2)).toEqual([3, 12]);
    expect(store.get(20)!.parent).toBe(12);
  });

  it("notifies only the ids a patch changed, once, after the whole patch", () => {
    const store = storeWithPage();
    const calls: number[] = [];
    for (const id of [1, 2, 3, 10, 11, 12, 20]) store.subscribe(id, () => calls.push(id));
    const seenDuringNotify: unknown[] = [];
    store.subscribe(10, () => seenDuringNotify.push(store.get(11)!.p.value));
    store.applyPatch([
      { op: "set", id: 10, props: { value: "A" } },
      { op: "set", id: 10, props: { size: 20 } },
      { op: "set", id: 11, props: { value: "B" } },
    ]);
    expect(calls.sort()).toEqual([10, 11]);
    // Listeners run after every op is applied, never in between.
    expect(seenDuringNotify).toEqual(["B"]);
  });

  it("notifies the parent, not the siblings, when a child list changes", () => {
    const store = storeWithPage();
    const calls: number[] = [];
    for (const id of [2, 3, 10, 11, 12]) store.subscribe(id, () => calls.push(id));
    store.applyPatch([{ op: "insert", parent: 3, slot: "controls", before: null, node: text(50, "new") }]);
    expect(calls).toEqual([3]);
  });

  it("stops notifying after unsubscribe", () => {
    const store = storeWithPage();
    const listener = vi.fn();
    const undo = store.subscribe(10, listener);
    undo();
    store.applyPatch([{ op: "set", id: 10, props: { value: "z" } }]);
    expect(listener).not.toHaveBeenCalled();
  });

  it("reports an op naming an unknown id and still applies the ops after it", () => {
    const store = storeWithPage();
    const ops: PatchOp[] = [
      { op: "set", id: 999, props: { value: "lost" } },
      { op: "remove", parent: 3, slot: "controls", id: 998 },
      { op: "set", id: 10, props: { value: "kept" } },
    ];
    const errors = store.applyPatch(ops);
    expect(errors.map((e) => e.code)).toEqual(["UNKNOWN_CONTROL", "UNKNOWN_CONTROL"]);
    expect(errors[0]!.message).toContain("set: unknown control 999");
    expect(errors[1]!.message).toContain("remove: unknown control 998");
    expect(store.get(10)!.p.value).toBe("kept");
  });

  it("refuses and reports an insert whose before sibling is not in the slot, and applies the ops after it", () => {
    const store = storeWithPage();
    const errors = store.applyPatch([
      { op: "insert", parent: 3, slot: "controls", before: 777, node: text(60, "e") },
      { op: "set", id: 10, props: { value: "kept" } },
    ]);
    expect(ids(store, 3)).toEqual([10, 11, 12]);
    expect(store.get(60)).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "NOT_IN_SLOT", id: 777, parent: 3, slot: "controls" });
    expect(store.get(10)!.p.value).toBe("kept");
  });

  it("mirrors client-owned props so the server's next value reads as a change", () => {
    const store = storeWithPage();
    const listener = vi.fn();
    store.subscribe(10, listener);
    store.setLocalProps(10, { value: "typed" });
    expect(store.get(10)!.p.value).toBe("typed");
    store.applyPatch([{ op: "set", id: 10, props: { value: "" } }]);
    expect(store.get(10)!.p.value).toBe("");
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
