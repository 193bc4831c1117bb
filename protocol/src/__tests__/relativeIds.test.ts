import { describe, expect, it } from "vitest";
import { carriesNodes, fromRelativeIds, toRelativeIds, type PatchMessage, type RegisteredMessage, type WireNode } from "../index.ts";

const tile = (container: number): WireNode => ({ i: container, t: "Container", p: { width: 40 }, c: { content: [{ i: container - 1, t: "Image", p: { src: "x" } }] } });

const registered: RegisteredMessage = {
  type: "registered",
  protocol: 1,
  sessionId: "s1",
  resumed: false,
  page: { i: 1, t: "Page", p: { route: "/" }, h: ["route_change"], c: { views: [{ i: 2, t: "View", n: "Home", p: {}, c: { controls: [tile(6), tile(8), tile(10)] } }] } },
};

describe("relative ids", () => {
  it("writes each node's id as the difference to the node before, so repeated subtrees read the same", () => {
    const text = JSON.stringify(toRelativeIds(registered));
    expect(text).not.toContain('"i":');
    // tiles 8 and 10 differ only in their ids: relative, their text is the same
    const tiles = text.slice(text.indexOf('"controls":'));
    expect(tiles.match(/\{"d":3,"t":"Container","p":\{"width":40\},"c":\{"content":\[\{"d":-1,"t":"Image","p":\{"src":"x"\}\}\]\}\}/g)).toHaveLength(2);
    expect(JSON.parse(text).page.d).toBe(1);
  });

  it("reads back to the message it was made from, and leaves the original alone", () => {
    const copy = structuredClone(registered);
    expect(fromRelativeIds(JSON.parse(JSON.stringify(toRelativeIds(registered))))).toEqual(registered);
    expect(registered).toEqual(copy);
  });

  it("counts across every insert of a patch; op ids stay absolute", () => {
    const patch: PatchMessage = {
      type: "patch",
      ops: [
        { op: "set", id: 3, props: { value: "a" } },
        { op: "insert", parent: 2, slot: "controls", before: null, node: tile(20) },
        { op: "remove", parent: 2, slot: "controls", id: 6 },
        { op: "insert", parent: 2, slot: "controls", before: 8, node: tile(22) },
      ],
    };
    const wire = JSON.parse(JSON.stringify(toRelativeIds(patch))) as { type: "patch"; ops: { node?: { d: number } }[] };
    expect(wire.ops[1]!.node!.d).toBe(20);
    expect(wire.ops[3]!.node!.d).toBe(22 - 19);
    expect(fromRelativeIds(wire)).toEqual(patch);
  });

  it("passes a message with absolute ids through unchanged, and says which messages carry nodes", () => {
    expect(fromRelativeIds(structuredClone(registered))).toEqual(registered);
    expect(carriesNodes(registered)).toBe(true);
    expect(carriesNodes({ type: "patch", ops: [{ op: "set", id: 1, props: {} }] })).toBe(false);
    expect(carriesNodes({ type: "invoke", callId: 1, method: "focus", args: [] })).toBe(false);
    expect(toRelativeIds({ type: "patch", ops: [] })).toEqual({ type: "patch", ops: [] });
  });
});
