import { describe, expect, it } from "vitest";
import { Channel, CHANNEL_VERSION, THIN_ROWS_KEPT, expandChain, expandRow, type CausalChain, type ChainsMessage, type ClientMessage, type MessageRow, type RowsMessage, type ServerMessage } from "@weft/protocol/channel";
import { Hub, type HubAgent } from "../hub.ts";

/**
 * A thinned watch (`watch { compact: true, thin: true }`) through the devserver's real hub and a
 * real channel, its frames taken from the transport as a socket would send them: a busy frame's
 * newest rows in full and the older ones as one range with their counts; a quiet frame whole.
 */

let seq = 0;
const row = (direction: "in" | "out", extra: Partial<MessageRow> = {}): MessageRow => ({
  sessionId: "s1",
  seq: ++seq,
  direction,
  kind: direction === "in" ? "event" : "patch",
  bytes: direction === "in" ? 40 : 100,
  at: 1_000 + seq,
  preview: direction === "in" ? '{"type":"event","id":7,"name":"click"}' : '{"type":"patch","ops":[]}',
  ...extra,
});

/** A hub whose agent is a plain emitter, and one tool's channel: `emit` sends to the hub, `frames` are what the tool got. */
function setup(watch: Record<string, unknown>) {
  const listeners = new Set<(m: ServerMessage) => void>();
  const agent: HubAgent = {
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    sessions: () => [],
    tree: () => ({ i: 1, t: "Page" }),
    props: () => null,
    message: () => null,
    source: () => null,
    controlsAt: () => null,
    inspect: null,
  };
  const hub = new Hub({
    agent,
    hello: () => ({ type: "hello", version: CHANNEL_VERSION, app: { entry: "", url: "", root: "" }, pid: 0, startedAt: 0 }),
    backlog: () => [],
    stats: () => ({ pid: 0, uptimeMs: 0, heapUsed: 0, rss: 0, activeResources: {}, sessions: 0, swaps: 0 }),
  });
  const frames: ServerMessage[][] = [];
  const channel = new Channel<ServerMessage, ClientMessage>({ send: (text) => void frames.push(JSON.parse(text) as ServerMessage[]), close() {} });
  hub.connect(channel);
  channel.receive(JSON.stringify([{ type: "hello", version: CHANNEL_VERSION, client: "test" }, { type: "watch", sessionId: "s1", tree: false, messages: true, compact: true, ...watch }]));
  channel.flush();
  frames.length = 0;
  const emit = (m: ServerMessage) => listeners.forEach((l) => l(m));
  return { emit, frames, flush: () => channel.flush(), messages: () => frames.flat() };
}

const rowsMessages = (messages: ServerMessage[]): RowsMessage[] => messages.flatMap((m) => (m.type === "rows" ? [m] : []));

describe("a thinned watch's rows", () => {
  it("come in full for the newest THIN_ROWS_KEPT of a busy frame, the older ones as one range with their counts and bytes", () => {
    const tool = setup({ thin: true });
    const sent: MessageRow[] = [];
    for (let i = 0; i < 100; i++) {
      const r = row(i % 2 === 0 ? "in" : "out", i % 10 === 0 ? { tool: true } : {});
      sent.push(r);
      tool.emit({ type: "message", row: r });
    }
    tool.flush();
    const [rows] = rowsMessages(tool.messages());
    expect(rows!.rows).toHaveLength(THIN_ROWS_KEPT);
    // The newest, in order, the same rows a plain watcher gets.
    expect(rows!.rows.map((t) => expandRow("s1", t))).toEqual(sent.slice(-THIN_ROWS_KEPT));
    const older = sent.slice(0, 100 - THIN_ROWS_KEPT);
    const ins = older.filter((r) => r.direction === "in");
    const tools = older.filter((r) => r.tool);
    const sum = (rs: MessageRow[]) => rs.reduce((n, r) => n + r.bytes, 0);
    expect(rows!.skipped).toEqual([
      older[0]!.seq,
      older.at(-1)!.seq,
      older.length,
      ins.length,
      sum(ins),
      sum(older) - sum(ins),
      tools.length,
      tools.filter((r) => r.direction === "in").length,
      sum(tools.filter((r) => r.direction === "in")),
      sum(tools.filter((r) => r.direction === "out")),
    ]);
  });

  it("leaves a quiet frame (a click's reaction) whole, with no range, and a tool that did not ask gets every row", () => {
    const thin = setup({ thin: true });
    const plain = setup({});
    const sent = [row("in"), row("out"), row("in", { kind: "timing", tool: true })];
    for (const r of sent) {
      thin.emit({ type: "message", row: r });
      plain.emit({ type: "message", row: r });
    }
    thin.flush();
    const [rows] = rowsMessages(thin.messages());
    expect(rows!.rows.map((t) => expandRow("s1", t))).toEqual(sent);
    expect("skipped" in rows!).toBe(false);

    for (let i = 0; i < 200; i++) plain.emit({ type: "message", row: row("in") });
    plain.flush();
    const all = rowsMessages(plain.messages()).flatMap((m) => m.rows);
    expect(all).toHaveLength(203);
    expect(rowsMessages(plain.messages()).some((m) => m.skipped)).toBe(false);
  });

  it("keeps its place among the other messages of the frame: a message queued after it starts a new rows message with its own range", () => {
    const tool = setup({ thin: true });
    for (let i = 0; i < 70; i++) tool.emit({ type: "message", row: row("in") });
    tool.emit({ type: "blocked", sessionId: "s1", id: 7, event: "click", ms: 300, at: 0 });
    for (let i = 0; i < 3; i++) tool.emit({ type: "message", row: row("out") });
    tool.flush();
    const frame = tool.frames.at(-1)!;
    expect(frame.map((m) => m.type)).toEqual(["rows", "blocked", "rows"]);
    const [first, second] = rowsMessages(frame);
    expect(first!.skipped?.slice(0, 3)).toEqual([seq - 72, seq - 72 + 5, 6]);
    expect(first!.rows[0]![0]).toBe(seq - 72 + 6);
    expect(second!.rows.map((t) => t[0])).toEqual([seq - 2, seq - 1, seq]);
    expect(second!.skipped).toBeUndefined();
  });

  it("thin a busy frame's chains the same way, and still send every round trip, after the chains", () => {
    const tool = setup({ thin: true, roundTrips: true });
    const chain = (s: number): CausalChain => ({ sessionId: "s1", seq: s, id: 7, control: "Button#inc", event: "click", at: s, changed: [], more: 0, patches: [{ seq: s + 1, bytes: 60, ops: 1 }], done: true });
    const sent: CausalChain[] = [];
    for (let i = 0; i < 80; i++) {
      const c = chain(1_000 + 2 * i);
      sent.push(c);
      tool.emit({ type: "chain", chain: c });
    }
    tool.emit({ type: "chain", chain: { ...sent[0]!, roundTripMs: 1.5 }, roundTripOnly: true });
    tool.emit({ type: "chain", chain: { ...sent[79]!, roundTripMs: 2.5 }, roundTripOnly: true });
    tool.flush();
    const [chains] = tool.messages().flatMap((m): ChainsMessage[] => (m.type === "chains" ? [m] : []));
    expect(chains!.chains.map((t) => expandChain("s1", t))).toEqual(sent.slice(-THIN_ROWS_KEPT));
    expect(chains!.skipped).toEqual([1_000, 1_000 + 2 * (80 - THIN_ROWS_KEPT - 1), 80 - THIN_ROWS_KEPT]);
    expect(chains!.roundTrips).toEqual([
      [1_000, 1.5],
      [1_158, 2.5],
    ]);
  });
});
