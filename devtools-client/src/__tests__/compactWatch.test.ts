import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { Button, Column, Text, type Page } from "weft";
import { openSession, type HeadlessSession } from "weft/testing";
import { CHANNEL_VERSION, type CausalChain, type MessageRow, type ServerMessage, type TreeOp, type WatchMessage } from "@weft/protocol/channel";
import { ChannelClient, type ChannelEvent } from "../index.ts";
import { openLiveChannel, type LiveChannel } from "./channelFixture.ts";

/**
 * What a watched session costs the channel per app event, against the devserver's real hub and
 * channel server: rows and chains in their compact form for a tool that asks (the channel client
 * asks and expands them: its listeners see what a plain watcher sees), tree ops gathered per
 * frame, handler timings only for a tool that asks.
 */

const app = (page: Page) => {
  const count = new Text({ value: "0", key: "count" });
  const list = new Column({ key: "list" });
  page.add(
    count,
    list,
    new Button({ text: "+", key: "inc", onClick: () => void (count.value = String(Number(count.value) + 1)) }),
    new Button({ text: "add", key: "add", onClick: () => void list.controls.push(new Text({ value: `row ${list.controls.length}` })) }),
    new Button({ text: "noop", key: "noop", onClick: () => {} }),
  );
};

let live: LiveChannel;
let session: HeadlessSession;
const closers: (() => void)[] = [];

beforeEach(async () => {
  live = await openLiveChannel();
  session = await openSession(app);
});

afterEach(async () => {
  for (const close of closers.splice(0)) close();
  session.close();
  await live.close();
});

/** A tool on a bare socket: says hello, sends `watch`, keeps every message of every frame. */
async function rawTool(watch: Omit<WatchMessage, "type" | "sessionId">) {
  const ws = new WebSocket(live.url());
  closers.push(() => ws.close());
  const frames: ServerMessage[][] = [];
  ws.on("message", (data) => frames.push(JSON.parse(String(data)) as ServerMessage[]));
  await new Promise((r) => ws.once("open", r));
  ws.send(JSON.stringify([{ type: "hello", version: CHANNEL_VERSION, client: "raw" }, { type: "watch", sessionId: session.session.id, ...watch }]));
  const messages = () => frames.flat();
  await expect.poll(() => messages().some((m) => m.type === "tree" || (watch.tree === false && m.type === "sessions"))).toBe(true);
  return { frames, messages };
}

async function channelClient() {
  const c = new ChannelClient({ url: live.url(), client: "test", connect: (url) => new WebSocket(url) });
  closers.push(() => c.close());
  const events: ChannelEvent[] = [];
  c.onMessage((m) => events.push(m));
  c.start();
  await c.opened();
  c.send({ type: "watch", sessionId: session.session.id, tree: true, messages: true });
  await expect.poll(() => events.some((m) => m.type === "tree")).toBe(true);
  return events;
}

const rowsOf = (messages: (ServerMessage | ChannelEvent)[]): MessageRow[] => messages.flatMap((m) => (m.type === "message" ? [m.row] : []));
const chainsOf = (messages: (ServerMessage | ChannelEvent)[]): CausalChain[] => messages.flatMap((m) => (m.type === "chain" ? [m.chain] : []));

/** Clicks `key` `n` times in one go, so their messages meet in the tools' next frames; resolves once all ran. */
async function burst(key: string, n: number) {
  const id = session.find({ key }).id;
  for (let i = 0; i < n; i++) session.send({ type: "event", id, name: "click" });
  await session.settle();
}

describe("a watched session's traffic", () => {
  it("comes compact to the channel client, which hands its listeners the rows and chains a plain watcher gets", async () => {
    const plain = await rawTool({ tree: true, messages: true });
    const compact = await rawTool({ tree: true, messages: true, compact: true });
    const events = await channelClient();
    await burst("inc", 30);
    await burst("add", 3);
    await burst("noop", 1);
    // 34 event rows, 33 patch rows (the noop sends none).
    await expect.poll(() => rowsOf(events).length).toBe(67);
    await expect.poll(() => rowsOf(plain.messages()).length).toBe(67);
    await expect.poll(() => chainsOf(events).length).toBe(34);
    await expect.poll(() => chainsOf(plain.messages()).length).toBe(34);
    // The same objects, in the same order.
    expect(rowsOf(events)).toEqual(rowsOf(plain.messages()));
    expect(chainsOf(events)).toEqual(chainsOf(plain.messages()));
    // The compact tool got them as rows and chains of tuples, gathered per frame, in fewer bytes.
    const types = new Set(compact.messages().map((m) => m.type));
    expect(types).toContain("rows");
    expect(types).toContain("chains");
    expect(types).not.toContain("message");
    expect(types).not.toContain("chain");
    const rowMessages = compact.messages().filter((m) => m.type === "rows");
    expect(rowMessages.length).toBeLessThan(67);
    const bytes = (tool: { frames: ServerMessage[][] }) => tool.frames.reduce((n, f) => n + JSON.stringify(f).length, 0);
    expect(bytes(compact)).toBeLessThan(bytes(plain) * 0.7);
  });

  it("gathers a session's tree ops of one frame into one message, a control's sets folded into one with the last summary", async () => {
    const tool = await rawTool({ tree: true });
    const count = session.find({ key: "count" }).id;
    const before = tool.messages().length;
    await burst("inc", 40);
    const setsOfCount = () => tool.messages().slice(before).flatMap((m) => (m.type === "tree-ops" ? m.ops.filter((op): op is Extract<TreeOp, { op: "set" }> => op.op === "set" && op.id === count) : []));
    await expect.poll(() => setsOfCount().at(-1)?.s).toBe('"40"');
    // 40 clicks, far fewer messages and ops: the frames gathered them.
    const opsMessages = tool.messages().slice(before).filter((m) => m.type === "tree-ops");
    expect(opsMessages.length).toBeLessThan(40);
    expect(setsOfCount().length).toBe(opsMessages.length);
    // Inserts keep their place between the sets around them.
    await burst("add", 2);
    await burst("inc", 1);
    await expect.poll(() => setsOfCount().at(-1)?.s).toBe('"41"');
    const inserts = tool.messages().flatMap((m) => (m.type === "tree-ops" ? m.ops.filter((op) => op.op === "insert") : []));
    expect(inserts).toHaveLength(2);
  });

  it("sends a chain again for its round trip as [seq, roundTripMs] to a tool that asks; the channel client merges it, so its listeners get the chains a plain watcher gets", async () => {
    const plain = await rawTool({ tree: false, messages: true });
    const compactOnly = await rawTool({ tree: false, messages: true, compact: true });
    const trips = await rawTool({ tree: false, messages: true, compact: true, roundTrips: true });
    const events = await channelClient();
    const id = session.find({ key: "inc" }).id;
    // As a tab does when the server asks for timings: events numbered, then each one's round trip.
    for (let seq = 1; seq <= 5; seq++) session.send({ type: "event", id, name: "click", seq });
    await session.settle();
    for (let seq = 1; seq <= 5; seq++) session.send({ type: "timing", seq, ms: seq + 0.5 });
    await session.settle();
    // Each chain twice: finished, then with its round trip.
    await expect.poll(() => chainsOf(plain.messages()).length).toBe(10);
    await expect.poll(() => chainsOf(events).length).toBe(10);
    expect(chainsOf(events)).toEqual(chainsOf(plain.messages()));
    expect(chainsOf(events).slice(5).map((c) => c.roundTripMs)).toEqual([1.5, 2.5, 3.5, 4.5, 5.5]);

    const tuplesOf = (tool: { messages(): ServerMessage[] }) => tool.messages().flatMap((m) => (m.type === "chains" ? m.chains : []));
    const tripsOf = (tool: { messages(): ServerMessage[] }) => tool.messages().flatMap((m) => (m.type === "chains" ? (m.roundTrips ?? []) : []));
    await expect.poll(() => tripsOf(trips).length).toBe(5);
    expect(tuplesOf(trips)).toHaveLength(5); // each chain whole once
    expect(tripsOf(trips)).toEqual(chainsOf(plain.messages()).slice(0, 5).map((c, i) => [c.seq, i + 1.5]));
    // A compact tool that did not ask gets the whole chain again, as before.
    await expect.poll(() => tuplesOf(compactOnly).length).toBe(10);
    expect(tripsOf(compactOnly)).toEqual([]);
  });

  it("sends handler timings only to a tool that asks for them", async () => {
    const asking = await rawTool({ tree: false, messages: true, handlers: true });
    const other = await rawTool({ tree: false, messages: true });
    await burst("inc", 3);
    await expect.poll(() => asking.messages().filter((m) => m.type === "handler").length).toBe(3);
    await expect.poll(() => chainsOf(other.messages()).length).toBe(3);
    expect(other.messages().filter((m) => m.type === "handler")).toEqual([]);
    expect(asking.messages().find((m) => m.type === "handler")).toMatchObject({ sessionId: session.session.id, id: session.find({ key: "inc" }).id, event: "click" });
  });
});
