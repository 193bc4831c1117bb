import { describe, expect, it } from "vitest";
import { Button, Column, Page, Text } from "weft";
import { openSession } from "weft/testing";
import { attachAgent } from "@weft/agent";
import { expandChain, expandRow, type CausalChain, type MessageRow, type ServerMessage } from "@weft/protocol/channel";
import { chainTupleJson, channelJson, rowTupleJson } from "../channelJson.ts";

/**
 * The same JSON: what a tool parses from either is equal (key order aside). A row's and a
 * chain's compact tuple, expanded as @weft/devtools-client does, gives the same object too.
 */
const sameAsStringify = (message: ServerMessage) => {
  const plain = JSON.parse(JSON.stringify(message)) as ServerMessage;
  expect(JSON.parse(channelJson(message))).toEqual(plain);
  if (message.type === "message") expect(expandRow(message.row.sessionId, JSON.parse(rowTupleJson(message.row)))).toEqual((plain as typeof message).row);
  if (message.type === "chain") expect(expandChain(message.chain.sessionId, JSON.parse(chainTupleJson(message.chain)))).toEqual((plain as typeof message).chain);
};

describe("channelJson and the compact tuples", () => {
  it("writes every message an app's session makes as JSON.stringify does", async () => {
    const out: ServerMessage[] = [];
    const agent = attachAgent({ sourceLocations: false });
    agent.subscribe((m) => out.push(m));
    const session = await openSession((page: Page) => {
      page.title = 'Say "hi"\n';
      const list = new Column({ key: "list" });
      const count = new Text({ value: "0", key: "count" });
      page.add(
        new Column([
          count,
          list,
          new Button({ text: "+", key: "inc", onClick: () => void (count.value = `${Number(count.value) + 1} "quoted" ✓ \u2028`) }),
          new Button({ text: "add", key: "add", onClick: () => void list.controls.push(new Text({ value: `row ${list.controls.length}`, key: `r${list.controls.length}` })) }),
          new Button({ text: "drop", key: "drop", onClick: () => void list.controls.pop() }),
          new Button({ text: "hide", key: "hide", onClick: () => void (count.visible = !count.visible) }),
          new Button({ text: "boom", key: "boom", onClick: () => { throw new TypeError("no such thing"); } }),
        ]),
      );
    });
    try {
      for (const key of ["inc", "add", "add", "drop", "hide", "inc", "boom"]) await session.find({ key }).click();
    } finally {
      session.close();
      agent.dispose();
    }
    const types = new Set(out.map((m) => m.type));
    for (const type of ["session-open", "message", "tree-ops", "handler", "chain", "error"]) expect(types).toContain(type);
    expect(out.some((m) => m.type === "handler" && m.error)).toBe(true);
    expect(out.some((m) => m.type === "tree-ops" && m.ops.some((op) => op.op === "insert"))).toBe(true);
    expect(out.some((m) => m.type === "chain" && m.chain.changed.some((c) => c.values?.length))).toBe(true);
    for (const message of out) sameAsStringify(message);
  });

  it("writes every optional field, nulls, odd strings and numbers as JSON.stringify does", () => {
    const odd = 'quote " backslash \\ newline \n tab \t nul \u0000 lone \ud800 emoji 😀 line sep \u2028';
    const row: MessageRow = { sessionId: odd, seq: 3, direction: "out", kind: "patch", bytes: 120, at: 1764605000000.123, ops: 2, preview: odd, tool: true, cause: "swap #3" };
    const chain: CausalChain = {
      sessionId: "s1",
      seq: 7,
      cause: "edit",
      clientSeq: 4,
      id: 9,
      control: odd,
      event: "set value",
      at: 1764605000000.5,
      handler: { ms: 1.5, syncMs: 0.25, error: odd },
      changed: [
        { id: 1, label: "Text#a", op: "set", props: ["value", "(handlers)"], values: [{ name: "value", before: null, after: { nested: [1, "x", null] } }, { name: "f", before: () => 1, after: undefined }] },
        { id: 2, label: "Text@2", op: "insert", parent: "Column#list.controls" },
        { id: 3, label: "Text@3", op: "remove", parent: odd },
      ],
      more: 2,
      patches: [{ seq: null, bytes: 0, ops: 1 }, { seq: 8, bytes: 64, ops: 3 }],
      roundTripMs: 12.345,
      done: true,
    };
    const messages: ServerMessage[] = [
      { type: "message", row },
      { type: "message", row: { sessionId: "s", seq: 1, direction: "in", kind: "event", bytes: 40, at: NaN, preview: "" } },
      { type: "handler", sessionId: "s", id: 0, event: "routeChange", syncMs: Infinity, ms: -0, at: 1.5, error: { name: "Error", message: odd, stack: odd, line: 3 } },
      { type: "handler", sessionId: "s", id: 5, event: "click", syncMs: 0.001, ms: 0.002, at: 2 },
      {
        type: "tree-ops",
        sessionId: "s",
        ops: [
          { op: "set", id: 1 },
          { op: "set", id: 2, k: null, s: null, x: true, e: false },
          { op: "set", id: 3, k: odd, s: '"5"' },
          { op: "insert", parent: 1, slot: "controls", before: null, node: { i: 4, t: "Text", k: "r", s: odd, c: { controls: [{ i: 5, t: "Text" }] } } },
          { op: "remove", parent: 1, slot: "controls", id: 4 },
          { op: "move", parent: 1, slot: "controls", id: 3, before: 2 },
        ],
      },
      { type: "tree-ops", sessionId: "s", ops: [] },
      { type: "chain", chain },
      { type: "chain", chain: { ...chain, cause: undefined, clientSeq: undefined, handler: undefined, roundTripMs: undefined, changed: [], patches: [], done: false } },
      { type: "session-close", sessionId: odd, reason: "gone" },
    ];
    for (const message of messages) sameAsStringify(message);
  });
});
