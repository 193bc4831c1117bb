import { afterEach, describe, expect, it } from "vitest";
import { Button, Column, Page, Text } from "weft";
import { openSession, type HeadlessSession } from "weft/testing";
import { attachAgent, type Agent } from "../index.ts";
import type { ServerMessage } from "@weft/protocol/channel";

const counter = (page: Page) => {
  page.title = "Counter";
  const count = new Text({ value: "0", key: "count" });
  page.add(new Column([count, new Button({ text: "+", key: "inc", onClick: () => void (count.value = String(Number(count.value) + 1)) })]));
};

let agent: Agent | undefined;
let session: HeadlessSession | undefined;
afterEach(() => {
  agent?.dispose();
  session?.close();
  agent = session = undefined;
});

describe("agent", () => {
  it("reports sessions, structure-only trees and props on request", async () => {
    const out: ServerMessage[] = [];
    agent = attachAgent();
    agent.subscribe((m) => out.push(m));
    session = await openSession(counter);
    const id = session.session.id;
    expect(out.find((m) => m.type === "session-open")).toMatchObject({ session: { id, state: expect.any(String), route: "/" } });
    const tree = agent.tree(id)!;
    expect(JSON.stringify(tree)).not.toContain('"value"');
    expect(tree.c!.views![0]!.c!.controls![0]!.c!.controls!.map((n) => n.k)).toEqual(["count", "inc"]);
    const countId = session.find({ key: "count" }).id;
    expect(agent.props(id, countId)).toMatchObject({ type: "Text", props: { value: "0", key: "count" }, handlers: [] });
    expect(agent.props(id, 999_999)).toBeNull();
  });

  it("turns patches into tree ops and frames into rows, with the text kept for later", async () => {
    const out: ServerMessage[] = [];
    agent = attachAgent();
    agent.subscribe((m) => out.push(m));
    session = await openSession(counter);
    const id = session.session.id;
    out.length = 0;
    await session.find({ key: "inc" }).click();
    const countId = session.find({ key: "count" }).id;
    expect(out.find((m) => m.type === "tree-ops")).toEqual({ type: "tree-ops", sessionId: id, ops: [{ op: "set", id: countId, s: "\"1\"" }] });
    const rows = out.flatMap((m) => (m.type === "message" ? [m.row] : []));
    expect(rows.map((r) => [r.direction, r.kind])).toEqual([["in", "event"], ["out", "patch"]]);
    expect(rows[1]!.ops).toBe(1);
    expect(agent.message(id, rows[1]!.seq)!.text).toContain('"value":"1"');
    expect(out.find((m) => m.type === "handler")).toMatchObject({ sessionId: id, event: "click" });
  });

  it("sends times to the microsecond: rows, handler timings and chains carry no digits of noise", async () => {
    const out: ServerMessage[] = [];
    agent = attachAgent();
    agent.subscribe((m) => out.push(m));
    session = await openSession(counter);
    out.length = 0;
    for (let i = 0; i < 5; i++) await session.find({ key: "inc" }).click();
    const times: number[] = [];
    for (const m of out) {
      if (m.type === "message") times.push(m.row.at);
      if (m.type === "handler") times.push(m.at, m.ms, m.syncMs);
      if (m.type === "chain") times.push(m.chain.at, m.chain.handler?.ms ?? 0, m.chain.handler?.syncMs ?? 0);
    }
    expect(out.filter((m) => m.type === "chain")).toHaveLength(5);
    expect(times.length).toBeGreaterThan(30);
    const decimals = (n: number) => (String(n).split(".")[1] ?? "").length;
    expect(times.filter((t) => decimals(t) > 3)).toEqual([]);
    // Still the wall clock, to the millisecond at least.
    for (const m of out) if (m.type === "message") expect(Math.abs(m.row.at - Date.now())).toBeLessThan(60_000);
  });
});
