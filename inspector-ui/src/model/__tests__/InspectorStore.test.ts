import { describe, expect, it } from "vitest";
import type { CausalChain, ClientMessage, MessageRow, ServerMessage, SessionInfo } from "@weft/protocol/channel";
import { InspectorStore } from "../InspectorStore.ts";

/** A fake devserver: records what the store sends and answers requests from a table. */
function setup(answers: Record<string, (m: Record<string, unknown>) => unknown> = {}) {
  const sent: ClientMessage[] = [];
  const asked: Record<string, unknown>[] = [];
  const store = new InspectorStore({
    send: (m) => sent.push(m),
    request: async (m) => {
      asked.push(m);
      const answer = answers[m.type];
      if (!answer) throw new Error(`no answer for ${m.type}`);
      return answer(m);
    },
  });
  return { store, sent, asked };
}

const session = (id: string, createdAt: number, state: SessionInfo["state"] = "connected"): SessionInfo => ({ id, state, route: "/", clientIp: "127.0.0.1", createdAt });
const tick = () => new Promise((r) => setTimeout(r, 0));
const row = (seq: number, kind: string, direction: "in" | "out", preview = "{}"): MessageRow => ({ sessionId: "b", seq, direction, kind, bytes: 10, at: 0, preview });

describe("inspector store", () => {
  it("watches the newest connected session, and fetches its kept rows and chains", async () => {
    const { store, sent, asked } = setup({ "get-rows": () => ({ sessionId: "b", rows: [row(1, "register", "in")] }), "get-chains": () => ({ sessionId: "b", chains: [] }) });
    store.receive({ type: "sessions", sessions: [session("a", 1), session("b", 2), session("c", 3, "resuming")] });
    expect(store.sessionId).toBe("b");
    expect(sent).toContainEqual({ type: "watch", sessionId: "b", tree: true, messages: true });
    expect(asked.map((a) => a.type)).toEqual(["get-rows", "get-chains"]);
    await tick();
    expect(store.messages.length).toBe(1);
  });

  it("applies tree ops of the watched session and asks for the whole tree again when one does not fit", () => {
    const { store, sent } = setup({ "get-rows": () => ({ rows: [] }), "get-chains": () => ({ chains: [] }) });
    store.receive({ type: "sessions", sessions: [session("b", 2)] });
    store.receive({ type: "tree", sessionId: "b", root: { i: 1, t: "Page", c: { views: [{ i: 2, t: "View", c: { controls: [{ i: 3, t: "Text", k: "count", s: '"0"' }] } }] } } });
    store.receive({ type: "tree-ops", sessionId: "b", ops: [{ op: "set", id: 3, s: '"1"' }] });
    expect(store.tree.get(3)!.summary).toBe('"1"');
    expect(store.flashes.has(3)).toBe(true);
    store.receive({ type: "tree-ops", sessionId: "other", ops: [{ op: "set", id: 99 }] }); // not ours: ignored
    sent.length = 0;
    store.receive({ type: "tree-ops", sessionId: "b", ops: [{ op: "set", id: 99 }] });
    expect(store.treeError).toMatch(/unknown control 99/);
    expect(sent).toEqual([{ type: "watch", sessionId: "b", tree: true, messages: true }]);
  });

  it("fetches props on selection only, and the handlers' source locations after", async () => {
    const { store, asked } = setup({
      "get-rows": () => ({ rows: [] }),
      "get-chains": () => ({ chains: [] }),
      "get-props": (m) => ({ sessionId: "b", id: m.id, type: "Button", name: "Button", key: "inc", props: { text: "+" }, handlers: ["click"], fields: {}, parent: 2, slot: "controls" }),
      "get-source": () => ({ location: { file: "/app/counter.ts", line: 7, column: 17 } }),
    });
    store.receive({ type: "sessions", sessions: [session("b", 2)] });
    expect(asked.some((a) => a.type === "get-props")).toBe(false);
    store.select(5);
    await tick();
    await tick();
    expect(store.props!.result!.props).toEqual({ text: "+" });
    expect(store.props!.sources).toEqual({ click: { file: "/app/counter.ts", line: 7, column: 17 } });
    expect(asked.filter((a) => a.type === "get-props")).toEqual([{ type: "get-props", sessionId: "b", id: 5 }]);
  });

  it("links a patch row to the event whose chain sent it", () => {
    const { store } = setup({ "get-rows": () => ({ rows: [] }), "get-chains": () => ({ chains: [] }) });
    store.receive({ type: "sessions", sessions: [session("b", 2)] });
    const chain: CausalChain = { sessionId: "b", seq: 9, id: 5, control: "Button#inc", event: "click", at: 0, changed: [], more: 0, patches: [{ seq: 10, bytes: 66, ops: 1 }], done: true };
    store.receive({ type: "chain", chain });
    expect(store.chainOfRow(9)).toBe(chain);
    expect(store.chainOfRow(10)).toBe(chain);
    expect(store.chainOfRow(11)).toBeUndefined();
  });

  it("keeps an ended session for its post-mortem and shows its last tree", async () => {
    const { store } = setup({
      "get-rows": () => ({ rows: [] }),
      "get-chains": () => ({ chains: [] }),
      "get-postmortem": () => ({ session: { ...session("b", 2, "closed"), closedAt: 5, reason: "bye", errors: 1 }, dead: true, errors: [], root: { i: 1, t: "Page" } }),
    });
    store.receive({ type: "sessions", sessions: [session("b", 2)] });
    store.receive({ type: "session-dead", session: { ...session("b", 2, "closed"), closedAt: 5, reason: "bye", errors: 1 } });
    store.receive({ type: "session-close", sessionId: "b", reason: "bye" });
    await tick();
    expect(store.showingDead).toBe(true);
    expect(store.shownTree.get(1)!.type).toBe("Page");
  });
});
