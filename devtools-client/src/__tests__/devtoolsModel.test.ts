import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { Button, Column, Text, type Page } from "weft";
import { openSession, type HeadlessSession } from "weft/testing";
import { CHANNEL_VERSION, type DeadSession, type HelloFromServer, type SessionInfo, type SwapReport } from "@weft/protocol/channel";
import type { ChannelCommand, ChannelEvent } from "../channelClient.ts";
import { DevtoolsModel, type DevtoolsModelOptions } from "../devtoolsModel.ts";
import { formatTree } from "../treeStore.ts";
import { ChannelClient } from "../channelClient.ts";
import { ChannelError } from "../channelError.ts";
import { openLiveChannel, type LiveChannel } from "./channelFixture.ts";

const session = (id: string, createdAt: number, state: SessionInfo["state"] = "connected"): SessionInfo => ({ id, state, route: "/", clientIp: "127.0.0.1", createdAt });
const hello: HelloFromServer = { type: "hello", version: CHANNEL_VERSION, app: { entry: "/app/counter.ts", url: "http://127.0.0.1:8550/", root: "/app" }, pid: 1, startedAt: 0 };

function connected(options: DevtoolsModelOptions = {}) {
  const model = new DevtoolsModel(options);
  const sent: ChannelCommand[] = [];
  model.attach((m) => sent.push(m));
  model.handle(hello);
  return { model, sent };
}

const ended = (id: string, closedAt: number): DeadSession => ({ ...session(id, 1, "closed"), closedAt, reason: "tab closed", errors: 0 });

describe("DevtoolsModel", () => {
  it("watches the newest connected session by itself, so the tree fills without a click", () => {
    const { model, sent } = connected();
    model.handle({ type: "sessions", sessions: [session("old", 1), session("new", 2)] });
    expect(model.watched).toBe("new");
    expect(sent).toEqual([{ type: "watch", sessionId: "new", tree: true, messages: true }]);
    model.handle({ type: "tree", sessionId: "new", root: { i: 1, t: "Page", c: { controls: [{ i: 2, t: "Text", k: "count" }] } } });
    expect(formatTree(model.tree)).toBe("Page@1\n  Text#count");
  });

  it("keeps a session the user picked, and moves on when it closes", () => {
    const { model, sent } = connected();
    model.handle({ type: "sessions", sessions: [session("a", 1), session("b", 2)] });
    model.sessions.select("a");
    model.handle({ type: "session-open", session: session("c", 3) });
    expect(model.watched).toBe("a");
    model.handle({ type: "session-close", sessionId: "a", reason: "closed" });
    expect(model.watched).toBe("c");
    expect(sent).toEqual([
      { type: "watch", sessionId: "b", tree: true, messages: true },
      { type: "unwatch", sessionId: "b" },
      { type: "watch", sessionId: "a", tree: true, messages: true },
      { type: "unwatch", sessionId: "a" },
      { type: "watch", sessionId: "c", tree: true, messages: true },
    ]);
  });

  it("applies tree ops of the watched session only", () => {
    const { model } = connected();
    model.handle({ type: "sessions", sessions: [session("a", 1), session("b", 0)] });
    model.handle({ type: "tree", sessionId: "a", root: { i: 1, t: "Page" } });
    model.handle({ type: "tree-ops", sessionId: "b", ops: [{ op: "insert", parent: 1, slot: "controls", before: null, node: { i: 50, t: "Text" } }] });
    model.handle({ type: "tree-ops", sessionId: "a", ops: [{ op: "insert", parent: 1, slot: "controls", before: null, node: { i: 2, t: "Button" } }] });
    expect(formatTree(model.tree)).toBe("Page@1\n  Button@2");
  });

  it("asks for the whole tree (and still the messages) again when an op does not fit, and ignores ops until it comes", () => {
    const { model, sent } = connected();
    const problems: string[] = [];
    model.onProblem((p) => problems.push(p));
    model.handle({ type: "sessions", sessions: [session("a", 1)] });
    model.handle({ type: "tree", sessionId: "a", root: { i: 1, t: "Page" } });
    model.handle({ type: "tree-ops", sessionId: "a", ops: [{ op: "remove", parent: 1, slot: "controls", id: 7 }] });
    expect(problems[0]).toContain("remove: unknown control 7");
    // `messages: false` here used to end the sidebar's message rows after a resync.
    expect(sent.at(-1)).toEqual({ type: "watch", sessionId: "a", tree: true, messages: true });
    model.handle({ type: "tree-ops", sessionId: "a", ops: [{ op: "remove", parent: 1, slot: "controls", id: 8 }] });
    expect(problems).toHaveLength(1);
    model.handle({ type: "tree", sessionId: "a", root: { i: 1, t: "Page", c: { controls: [{ i: 9, t: "Text" }] } } });
    expect(formatTree(model.tree)).toBe("Page@1\n  Text@9");
  });

  it("keeps the watched session's message rows, and counts what the devserver dropped", () => {
    const { model } = connected();
    const appended: number[] = [];
    model.messages.subscribe((change) => change.type === "append" && appended.push(...change.rows.map((r) => r.seq)));
    model.handle({ type: "sessions", sessions: [session("a", 1)] });
    for (let seq = 1; seq <= 3; seq++) {
      model.handle({ type: "message", row: { sessionId: "a", seq, direction: "out", kind: "patch", bytes: 10, at: seq, preview: "{}" } });
    }
    model.handle({ type: "message", row: { sessionId: "other", seq: 1, direction: "in", kind: "event", bytes: 10, at: 1, preview: "{}" } });
    model.handle({ type: "dropped", count: 4 });
    expect(appended).toEqual([1, 2, 3]);
    expect(model.messages.all().map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(model.messages.dropped).toBe(4);
  });

  it("says a gap the app could not give (the session is gone) as not kept, so a view drawing it does not ask again", async () => {
    const model = new DevtoolsModel({ thinRows: true });
    const asked: string[] = [];
    model.attach(
      () => {},
      ((type: string) => {
        asked.push(type);
        return Promise.reject(new ChannelError("NOT_FOUND", "no session a"));
      }) as unknown as Parameters<DevtoolsModel["attach"]>[1],
    );
    model.handle(hello);
    model.handle({ type: "sessions", sessions: [session("a", 1)] });
    model.handle({ type: "rows-skipped", sessionId: "a", skipped: [1, 100, 100, 50, 2_000, 5_000] });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      await model.fillGaps();
    } finally {
      console.error = original;
    }
    expect(model.messages.gaps()).toEqual([]);
    expect(model.messages.all().map((r) => r.gap && { count: r.gap.count, kept: r.gap.kept })).toEqual([{ count: 100, kept: false }]);
    expect(model.messages.totals.messages).toBe(100);
    await model.fillGaps();
    expect(asked.filter((t) => t === "get-rows")).toHaveLength(2); // the backfill on watch, the gap once
    // Said once in the console, with what was being fetched.
    expect(errors.filter((e) => String(e).includes("fetching messages 1–100 of session a failed: no session a"))).toHaveLength(1);
  });

  it("tracks swap reports and the build error, which a good save clears", () => {
    const { model } = connected();
    const report = { id: 1, at: 5, files: ["counter.ts"], ms: 12.4, outcome: "swapped" } as SwapReport;
    model.handle({ type: "swap", report });
    model.handle({ type: "swap", report }); // the backlog after hello repeats the last one
    expect(model.swaps.reports).toHaveLength(1);
    model.handle({ type: "build-error", files: ["counter.ts"], error: { name: "SyntaxError", message: "Unexpected token", file: "/app/counter.ts", line: 3, column: 9 }, at: 6 });
    expect(model.swaps.error?.error.line).toBe(3);
    model.handle({ type: "build-ok", at: 7 });
    expect(model.swaps.error).toBeNull();
  });

  it("ignores messages it has no use for, including ones from newer devservers", () => {
    const { model } = connected();
    expect(() => model.handle({ type: "log", stream: "stdout", text: "hi", at: 1 })).not.toThrow();
    expect(() => model.handle({ type: "from-the-future" } as unknown as ChannelEvent)).not.toThrow();
  });

  it("empties everything when reset (the tool left the devserver)", () => {
    const { model } = connected();
    model.handle({ type: "sessions", sessions: [session("a", 1)] });
    model.handle({ type: "tree", sessionId: "a", root: { i: 1, t: "Page" } });
    model.reset();
    expect(model.connected).toBe(false);
    expect(model.sessions.size).toBe(0);
    expect(model.watched).toBeNull();
    expect(model.tree.root).toBeNull();
  });

  it("watches the shown session again after a reconnection, and starts afresh for another devserver", () => {
    const { model, sent } = connected();
    model.handle({ type: "sessions", sessions: [session("a", 1)] });
    model.handle({ type: "swap", report: { id: 1, at: 5, files: [], ms: 1, outcome: "swapped" } as unknown as SwapReport });
    sent.length = 0;
    model.attach((m) => sent.push(m)); // the same devserver, after a drop
    model.handle(hello);
    model.handle({ type: "sessions", sessions: [session("a", 1)] });
    expect(sent).toEqual([{ type: "watch", sessionId: "a", tree: true, messages: true }]);
    expect(model.swaps.reports).toHaveLength(1);
    model.handle({ ...hello, pid: 2, startedAt: 9 }); // weft dev restarted
    expect(model.swaps.reports).toHaveLength(0);
    expect(model.sessions.size).toBe(0);
  });

  it("keeps showing an ended session for its post-mortem when asked to, and never watches it", () => {
    const { model, sent } = connected({ sessions: { keepEnded: true } });
    model.handle({ type: "sessions", sessions: [session("a", 1), session("b", 2)] });
    expect(model.watched).toBe("b");
    model.handle({ type: "session-dead", session: ended("b", 10) });
    model.handle({ type: "session-close", sessionId: "b", reason: "tab closed" });
    expect(model.watched).toBe("b");
    expect(model.sessions.isEnded("b")).toBe(true);
    model.sessions.select("a");
    model.sessions.select("b");
    expect(sent.filter((m) => m.type === "watch").map((m) => m.sessionId)).toEqual(["b", "a"]);
  });
});

describe("SessionList", () => {
  it("follows the newest connected session until the user picks one", () => {
    const { model } = connected();
    model.handle({ type: "sessions", sessions: [session("a", 1), session("b", 2), session("c", 3, "resuming")] });
    expect(model.sessions.selectedId).toBe("b");
    model.handle({ type: "session-update", session: session("b", 2, "resuming") }); // its tab went away
    expect(model.sessions.selectedId).toBe("a");
    model.handle({ type: "session-update", session: session("a", 1, "resuming") }); // none left connected: stay
    expect(model.sessions.selectedId).toBe("a");
    model.sessions.select("c");
    model.handle({ type: "session-open", session: session("d", 4) });
    expect(model.sessions.selectedId).toBe("c");
  });

  it("lists ended sessions most recent first, at most the limit, leaving out live ones", () => {
    const { model } = connected({ sessions: { endedLimit: 2 } });
    model.handle({ type: "sessions", sessions: [session("live", 5)] });
    model.sessions.addEnded(ended("x", 1), ended("y", 3), ended("z", 2));
    expect(model.sessions.ended.map((s) => s.id)).toEqual(["y", "z"]);
    model.sessions.addEnded(ended("live", 4));
    expect(model.sessions.ended.map((s) => s.id)).toEqual(["z"]);
  });
});

describe("DevtoolsModel on a real channel", () => {
  const counter = (page: Page) => {
    const count = new Text({ value: "0", key: "count" });
    page.add(new Column([count, new Button({ text: "+", key: "inc", onClick: () => void (count.value = String(Number(count.value) + 1)) })]));
  };
  let live: LiveChannel | undefined;
  let client: ChannelClient | undefined;
  let app: HeadlessSession | undefined;
  afterEach(async () => {
    client?.close();
    app?.close();
    await live?.close();
    live = client = app = undefined;
  });

  it("shows the session, its tree and its traffic, and follows a click with small ops", async () => {
    live = await openLiveChannel();
    app = await openSession(counter);
    const model = new DevtoolsModel();
    client = new ChannelClient({ url: live.url(), client: "test", connect: (url) => new WebSocket(url) });
    model.connect(client);
    client.start();
    await expect.poll(() => model.tree.size).toBeGreaterThan(0);
    expect(model.watched).toBe(app.session.id);
    const countId = app.find({ key: "count" }).id;
    expect(model.tree.get(countId)).toMatchObject({ type: "Text", key: "count", summary: '"0"' });
    await app.find({ key: "inc" }).click();
    await expect.poll(() => model.tree.get(countId)?.summary).toBe('"1"');
    // What the session said before the tool watched is there too (the agent kept it).
    await expect.poll(() => model.messages.all().map((r) => `${r.direction} ${r.kind}`)).toEqual(["in register", "out registered", "in event", "out patch"]);
  });

  it("with thinRows, holds a busy spell's left-out rows as gaps with exact totals, and fills them from the agent in seq order, saying what it no longer keeps", async () => {
    live = await openLiveChannel();
    app = await openSession(counter);
    const model = new DevtoolsModel({ thinRows: true });
    client = new ChannelClient({ url: live.url(), client: "test", connect: (url) => new WebSocket(url) });
    model.connect(client);
    client.start();
    await expect.poll(() => model.tree.size).toBeGreaterThan(0);
    await expect.poll(() => model.messages.totals.messages).toBe(2); // register, registered
    // 400 clicks at once: 800 rows in a few frames, most of them left out.
    const inc = app.find({ key: "inc" }).id;
    for (let i = 0; i < 400; i++) app.send({ type: "event", id: inc, name: "click" });
    await app.settle();
    await expect.poll(() => model.messages.totals.messages).toBe(802);
    expect(model.messages.totals).toMatchObject({ in: 401, out: 401 });
    expect(model.messages.gaps().length).toBeGreaterThan(0);
    expect(model.messages.all().filter((r) => !r.gap).length).toBeLessThan(802);

    await model.fillGaps();
    // The agent keeps a session's newest 500 frames: those are all here now, in order; the older ones are one gap that says so.
    const all = model.messages.all();
    const rows = all.filter((r) => !r.gap);
    expect(rows.length).toBeGreaterThanOrEqual(500);
    expect(rows.map((r) => r.seq)).toEqual([...rows.map((r) => r.seq)].sort((a, b) => a - b));
    expect(rows.slice(-500).map((r) => r.seq)).toEqual(Array.from({ length: 500 }, (_, i) => 802 - 499 + i));
    const gone = all.filter((r) => r.gap);
    expect(gone.every((r) => !r.gap!.kept)).toBe(true);
    expect(rows.length + gone.reduce((n, r) => n + r.gap!.count, 0)).toBe(802);
    expect(model.messages.totals.messages).toBe(802);
    expect(model.messages.gaps()).toEqual([]);
  });
});
