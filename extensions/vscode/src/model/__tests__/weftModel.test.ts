import { describe, expect, it } from "vitest";
import { CHANNEL_VERSION, type ClientMessage, type ServerMessage, type SessionInfo, type SwapReport } from "@weft/protocol/channel";
import { formatTree } from "../treeStore.ts";
import { WeftModel } from "../weftModel.ts";

const session = (id: string, createdAt: number, state: SessionInfo["state"] = "connected"): SessionInfo => ({ id, state, route: "/", clientIp: "127.0.0.1", createdAt });
const hello: ServerMessage = { type: "hello", version: CHANNEL_VERSION, app: { entry: "/app/counter.ts", url: "http://127.0.0.1:8550/", root: "/app" }, pid: 1, startedAt: 0 };

function connected() {
  const model = new WeftModel();
  const sent: ClientMessage[] = [];
  model.attach((m) => sent.push(m));
  model.handle(hello);
  return { model, sent };
}

describe("WeftModel", () => {
  it("watches the newest connected session by itself, so the tree fills without a click", () => {
    const { model, sent } = connected();
    model.handle({ type: "sessions", sessions: [session("old", 1), session("new", 2)] });
    expect(model.watched).toBe("new");
    expect(sent).toEqual([{ type: "watch", sessionId: "new", tree: true, messages: true }]);
    model.handle({ type: "tree", sessionId: "new", root: { i: 1, t: "Page", c: { controls: [{ i: 2, t: "Text", k: "count" }] } } });
    expect(formatTree(model.tree)).toBe('Page #1\n  Text "count" #2');
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
    expect(formatTree(model.tree)).toBe("Page #1\n  Button #2");
  });

  it("asks for the whole tree again when an op does not fit, and ignores ops until it comes", () => {
    const { model, sent } = connected();
    const problems: string[] = [];
    model.onProblem((p) => problems.push(p));
    model.handle({ type: "sessions", sessions: [session("a", 1)] });
    model.handle({ type: "tree", sessionId: "a", root: { i: 1, t: "Page" } });
    model.handle({ type: "tree-ops", sessionId: "a", ops: [{ op: "remove", parent: 1, slot: "controls", id: 7 }] });
    expect(problems[0]).toContain("remove: unknown control 7");
    expect(sent.at(-1)).toEqual({ type: "watch", sessionId: "a", tree: true, messages: false });
    model.handle({ type: "tree-ops", sessionId: "a", ops: [{ op: "remove", parent: 1, slot: "controls", id: 8 }] });
    expect(problems).toHaveLength(1);
    model.handle({ type: "tree", sessionId: "a", root: { i: 1, t: "Page", c: { controls: [{ i: 9, t: "Text" }] } } });
    expect(formatTree(model.tree)).toBe("Page #1\n  Text #9");
  });

  it("keeps the watched session's message rows, batched per microtask", async () => {
    const { model } = connected();
    const batches: number[] = [];
    model.messages.onDidAppend((rows) => batches.push(rows.length));
    model.handle({ type: "sessions", sessions: [session("a", 1)] });
    for (let seq = 1; seq <= 3; seq++) {
      model.handle({ type: "message", row: { sessionId: "a", seq, direction: "out", kind: "patch", bytes: 10, at: seq, preview: "{}" } });
    }
    model.handle({ type: "message", row: { sessionId: "other", seq: 1, direction: "in", kind: "event", bytes: 10, at: 1, preview: "{}" } });
    await Promise.resolve();
    expect(batches).toEqual([3]);
    expect(model.messages.rows.map((r) => r.seq)).toEqual([1, 2, 3]);
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
    expect(() => model.handle({ type: "from-the-future" } as unknown as ServerMessage)).not.toThrow();
  });

  it("empties everything when the channel closes", () => {
    const { model } = connected();
    model.handle({ type: "sessions", sessions: [session("a", 1)] });
    model.handle({ type: "tree", sessionId: "a", root: { i: 1, t: "Page" } });
    model.detach();
    expect(model.connected).toBe(false);
    expect(model.sessions.size).toBe(0);
    expect(model.watched).toBeNull();
    expect(model.tree.root).toBeNull();
  });
});
