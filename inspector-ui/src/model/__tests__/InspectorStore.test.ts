import { afterEach, describe, expect, it, vi } from "vitest";
import { ChannelError, type ChannelCommand, type RequestType } from "@weft/devtools-client";
import { CHANNEL_VERSION, type CausalChain, type MessageRow, type RequestParams, type ResultOf, type SessionInfo } from "@weft/protocol/channel";
import type { InspectorChannel } from "../inspectorContext.ts";
import { InspectorStore } from "../InspectorStore.ts";

type Answers = { [T in RequestType]?: (params: RequestParams<T>) => ResultOf<T> };

/** A fake devserver: records what the store sends and answers requests from a table (a missing answer fails). */
function setup(answers: Answers = {}) {
  const sent: ChannelCommand[] = [];
  const asked: { type: RequestType; params: unknown }[] = [];
  const channel: InspectorChannel = {
    send: (command) => (sent.push(command), true),
    request: async <T extends RequestType>(type: T, params: RequestParams<T>) => {
      asked.push({ type, params });
      // The table is keyed by type, but TypeScript cannot tie `answers[type]` to this T.
      const answer = answers[type] as ((p: RequestParams<T>) => ResultOf<T>) | undefined;
      if (!answer) throw new ChannelError("UNKNOWN_REQUEST", `no answer for ${type}`, type);
      return answer(params);
    },
  };
  const store = new InspectorStore(channel);
  store.setConnection({ status: "open", hello: { type: "hello", version: CHANNEL_VERSION, app: { entry: "/app/a.ts", url: "http://127.0.0.1:1/", root: "/app" }, pid: 1, startedAt: 0 } });
  return { store, sent, asked };
}

const session = (id: string, createdAt: number, state: SessionInfo["state"] = "connected"): SessionInfo => ({ id, state, route: "/", clientIp: "127.0.0.1", createdAt });
const tick = () => new Promise((r) => setTimeout(r, 0));
const row = (seq: number, kind: string, direction: "in" | "out", preview = "{}"): MessageRow => ({ sessionId: "b", seq, direction, kind, bytes: 10, at: 0, preview });
const noBacklog: Answers = { "get-rows": ({ sessionId }) => ({ sessionId, rows: [] }), "get-chains": ({ sessionId }) => ({ sessionId, chains: [] }), "get-dead-sessions": () => ({ sessions: [] }) };
const tree = { i: 1, t: "Page", c: { views: [{ i: 2, t: "View", c: { controls: [{ i: 3, t: "Text", k: "count", s: '"0"' }] } }] } };

afterEach(() => vi.restoreAllMocks());

describe("inspector store", () => {
  it("watches the newest connected session, and fetches its kept rows and chains", async () => {
    const { store, sent, asked } = setup({ ...noBacklog, "get-rows": ({ sessionId }) => ({ sessionId, rows: [row(1, "register", "in")] }) });
    store.receive({ type: "sessions", sessions: [session("a", 1), session("b", 2), session("c", 3, "resuming")] });
    expect(store.sessionId).toBe("b");
    expect(sent).toContainEqual({ type: "watch", sessionId: "b", tree: true, messages: true, thin: true });
    expect(asked.map((a) => a.type)).toEqual(["get-dead-sessions", "get-rows", "get-chains"]);
    await tick();
    expect(store.traffic.log.length).toBe(1);
  });

  it("applies tree ops of the watched session and asks for the whole tree again when one does not fit", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { store, sent } = setup(noBacklog);
    store.receive({ type: "sessions", sessions: [session("b", 2)] });
    store.receive({ type: "tree", sessionId: "b", root: tree });
    store.receive({ type: "tree-ops", sessionId: "b", ops: [{ op: "set", id: 3, s: '"1"' }] });
    expect(store.tree.live.get(3)!.summary).toBe('"1"');
    expect(store.tree.flashes.has(3)).toBe(true);
    store.receive({ type: "tree-ops", sessionId: "other", ops: [{ op: "set", id: 99 }] }); // not ours: ignored
    sent.length = 0;
    store.receive({ type: "tree-ops", sessionId: "b", ops: [{ op: "set", id: 99 }] });
    expect(store.tree.error).toMatch(/unknown control 99/);
    expect(sent).toEqual([{ type: "watch", sessionId: "b", tree: true, messages: true, thin: true }]);
    store.receive({ type: "tree", sessionId: "b", root: tree });
    expect(store.tree.error).toBeNull();
  });

  it("fetches props on selection only, and the handlers' source locations after", async () => {
    const { store, asked } = setup({
      ...noBacklog,
      "get-props": ({ sessionId, id }) => ({ sessionId, id, type: "Button", name: "Button", key: "inc", props: { text: "+" }, handlers: ["click", "hover"], fields: {}, parent: 2, slot: "controls" }),
      "get-source": ({ sessionId, id, event }) => {
        if (event === "hover") throw new ChannelError("NOT_FOUND", "not known", "get-source");
        return { sessionId, id, location: { file: "/app/counter.ts", line: 7, column: 17 } };
      },
    });
    store.receive({ type: "sessions", sessions: [session("b", 2)] });
    expect(asked.some((a) => a.type === "get-props")).toBe(false);
    store.selection.select(5);
    await tick();
    await tick();
    expect(store.selection.props!.result!.props).toEqual({ text: "+" });
    expect(store.selection.props!.sources).toEqual({ click: { file: "/app/counter.ts", line: 7, column: 17 }, hover: null });
    expect(asked.filter((a) => a.type === "get-props")).toEqual([{ type: "get-props", params: { sessionId: "b", id: 5 } }]);
  });

  it("shows why a control's props could not be read", async () => {
    const { store } = setup({ ...noBacklog, "get-props": ({ id }) => { throw new ChannelError("NOT_FOUND", `no control ${id}`, "get-props"); } });
    store.receive({ type: "sessions", sessions: [session("b", 2)] });
    store.selection.select(5);
    await tick();
    expect(store.selection.props).toMatchObject({ id: 5, result: null, error: "no control 5" });
  });

  it("links a patch row to the event whose chain sent it", () => {
    const { store } = setup(noBacklog);
    store.receive({ type: "sessions", sessions: [session("b", 2)] });
    const chain: CausalChain = { sessionId: "b", seq: 9, id: 5, control: "Button#inc", event: "click", at: 0, changed: [], more: 0, patches: [{ seq: 10, bytes: 66, ops: 1 }], done: true };
    store.receive({ type: "chain", chain });
    expect(store.traffic.chainOfRow(9)).toBe(chain);
    expect(store.traffic.chainOfRow(10)).toBe(chain);
    expect(store.traffic.chainOfRow(11)).toBeUndefined();
    store.receive({ type: "chain", chain: { ...chain, sessionId: "other", seq: 20 } }); // another session's: not kept
    expect(store.traffic.chains.size).toBe(1);
  });

  it("keeps an ended session for its post-mortem and shows its last tree", async () => {
    const dead = { ...session("b", 2, "closed"), closedAt: 5, reason: "bye", errors: 1 };
    const { store } = setup({ ...noBacklog, "get-postmortem": () => ({ session: dead, dead: true, errors: [], root: { i: 1, t: "Page" } }) });
    store.receive({ type: "sessions", sessions: [session("b", 2)] });
    store.receive({ type: "session-dead", session: dead });
    store.receive({ type: "session-close", sessionId: "b", reason: "bye" });
    await tick();
    expect(store.sessionId).toBe("b");
    expect(store.showingDead).toBe(true);
    expect(store.tree.shown.get(1)!.type).toBe("Page");
  });

  it("travels back to an earlier tree and returns to the live one", async () => {
    const { store } = setup({
      ...noBacklog,
      "get-history": ({ sessionId, seq }) => ({ sessionId, seq: seq ?? 4, first: 1, last: 4, steps: [2, 4], root: { i: 1, t: "Page", s: '"then"' }, next: null }),
    });
    store.receive({ type: "sessions", sessions: [session("b", 2)] });
    store.receive({ type: "tree", sessionId: "b", root: tree });
    store.timeTravel.travel(2);
    expect(store.timeTravel.history).toMatchObject({ seq: 2, loading: true });
    await tick();
    expect(store.timeTravel.history).toMatchObject({ seq: 2, loading: false, result: { steps: [2, 4] } });
    expect(store.tree.shown.get(1)!.summary).toBe('"then"');
    store.timeTravel.travel(null);
    expect(store.tree.shown).toBe(store.tree.live);
    expect(store.tree.shown.get(3)).toBeDefined();
  });

  it("evaluates in the shown session with the selected control, and prints a refusal as the answer", async () => {
    const { store, asked } = setup({
      ...noBacklog,
      eval: ({ expression }) => {
        if (expression === "boom") throw new ChannelError("LOOPBACK_ONLY", "only a tool on this machine may use it", "eval");
        return { text: "'0'", error: false, ms: 1 };
      },
    });
    store.receive({ type: "sessions", sessions: [session("b", 2)] });
    await store.console.evaluate("$sel.value", 3);
    await store.console.evaluate("boom", null);
    expect(asked.filter((a) => a.type === "eval").map((a) => a.params)).toEqual([
      { sessionId: "b", selected: 3, expression: "$sel.value" },
      { sessionId: "b", selected: null, expression: "boom" },
    ]);
    const text = store.console.log.text();
    expect(text).toContain("'0'");
    expect(text).toContain("only a tool on this machine may use it");
  });

  it("says in the console what it could not fetch, rather than dropping it", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { store } = setup({
      "get-dead-sessions": () => ({ sessions: [] }),
      "get-rows": () => {
        throw new ChannelError("TIMEOUT", "weft dev did not answer 'get-rows' within 10000 ms", "get-rows");
      },
    });
    store.receive({ type: "sessions", sessions: [session("b", 2)] });
    await tick();
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
      "[weft devtools] fetching the kept messages of session b failed: weft dev did not answer 'get-rows' within 10000 ms",
      "[weft inspector] fetching the causal chains of session b failed: no answer for get-chains",
    ]);
  });

  it("ends pick mode in the session it left, and selects what was picked", () => {
    const { store, sent } = setup(noBacklog);
    store.receive({ type: "sessions", sessions: [session("a", 1), session("b", 2)] });
    store.selection.togglePick();
    expect(sent.at(-1)).toEqual({ type: "pick", sessionId: "b", on: true });
    store.receive({ type: "picked", sessionId: "b", id: 3 });
    expect(store.selection).toMatchObject({ picking: false, selected: 3 });
    store.selection.togglePick();
    store.selectSession("a");
    expect(sent.slice(-3)).toEqual([
      { type: "unwatch", sessionId: "b" },
      { type: "watch", sessionId: "a", tree: true, messages: true, thin: true },
      { type: "pick", sessionId: "b", on: false },
    ]);
    expect(store.selection.picking).toBe(false);
  });
});
