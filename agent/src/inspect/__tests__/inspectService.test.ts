import { afterEach, describe, expect, it } from "vitest";
import { Button, Checkbox, Column, Text, TextField, component, useMemo, useRef, useState, type Page } from "weft";
import { openSession, parseRecording, replay, type HeadlessSession } from "weft/testing";
import { attachAgent, type Agent } from "../../index.ts";
import type { CausalChain, InspectClientMessage, ServerMessage, TreeNode } from "@weft/protocol/channel";

const Counter = component(({ start }: { key?: string; start: number }) => {
  const [n, setN] = useState(start);
  const clicks = useRef(0);
  const double = useMemo(() => n * 2, [n]);
  return new Button({ text: `${n} (×2 = ${double})`, key: "hooked-button", onClick: () => { clicks.current++; setN(n + 1); } });
}, "Counter");

const counter = (page: Page) => {
  page.title = "Counter";
  const count = new Text({ value: "0", key: "count" });
  const list = new Column({ key: "list", controls: [] });
  page.add(
    new Column([
      count,
      new Button({ text: "+", key: "inc", onClick: () => void (count.value = String(Number(count.value) + 1)) }),
      new Button({ text: "add", key: "add", onClick: () => void list.controls.push(new Text({ value: `item ${list.controls.length}` })) }),
      new Button({ text: "slow", key: "slow", onClick: async () => { await new Promise((r) => setTimeout(r, 5)); count.value = "slow"; } }),
      new Button({ text: "boom", key: "boom", onClick: () => { throw new Error("boom"); } }),
      new Button({ text: "noop", key: "noop", onClick: () => {} }),
      new TextField({ key: "name", label: "Name" }),
      new Checkbox({ key: "done", label: "Done", value: false, onChange: (e) => void (count.value = `done: ${String(e.data)}`) }),
      new Checkbox({ key: "quiet", label: "Quiet", value: false }),
      Counter({ key: "hooked", start: 5 }),
      new Text({ value: "hidden", key: "hidden", visible: false }),
      list,
    ]),
  );
};

let agent: Agent | undefined;
let sessions: HeadlessSession[] = [];
afterEach(() => {
  agent?.dispose();
  for (const s of sessions) s.close();
  agent = undefined;
  sessions = [];
});

async function setup() {
  const out: ServerMessage[] = [];
  agent = attachAgent();
  agent.subscribe((m) => out.push(m));
  const s = await openSession(counter);
  sessions.push(s);
  const ask = (message: InspectClientMessage, loopback = true) =>
    new Promise<ServerMessage>((resolve) => agent!.inspect!.handle(message, resolve, { loopback }));
  const result = async <T,>(message: InspectClientMessage, loopback = true): Promise<T> => {
    const reply = await ask(message, loopback);
    if (reply.type !== "result") throw new Error(`expected a result, got ${JSON.stringify(reply)}`);
    return reply.result as T;
  };
  return { out, s, id: s.session.id, ask, result };
}

const keys = (node: TreeNode | null): string[] => {
  const out: string[] = [];
  const walk = (n: TreeNode) => {
    out.push(n.k ? `${n.t}#${n.k}${n.s ? " " + n.s : ""}` : n.t + (n.s ? " " + n.s : ""));
    for (const slot in n.c) for (const c of n.c[slot]!) walk(c);
  };
  if (node) walk(node);
  return out;
};

describe("inspect service: time travel", () => {
  it("shows the tree as it was after any message, with the next patch's before and after values", async () => {
    const { s, id, result } = await setup();
    await s.find({ key: "inc" }).click();
    await s.find({ key: "add" }).click();
    await s.find({ key: "inc" }).click();
    const now = await result<import("@weft/protocol/channel").HistoryResult>({ type: "get-history", requestId: 1, sessionId: id });
    expect(now.next).toBeNull();
    expect(keys(now.root)).toContain('Text#count "2"');
    expect(now.steps).toHaveLength(3);

    // After the first click's patch, before the add.
    const past = await result<import("@weft/protocol/channel").HistoryResult>({ type: "get-history", requestId: 2, sessionId: id, seq: now.steps[0]! });
    expect(keys(past.root)).toContain('Text#count "1"');
    expect(keys(past.root).filter((k) => k.startsWith('Text "item'))).toEqual([]);
    expect(past.next!.seq).toBe(now.steps[1]);
    expect(past.next!.changes).toEqual([expect.objectContaining({ op: "insert", label: expect.stringMatching(/^Text@\d+$/), parent: "Column#list", slot: "controls", nodes: 1 })]);

    // Before anything: the first page, and the first click's change with its old value.
    const first = await result<import("@weft/protocol/channel").HistoryResult>({ type: "get-history", requestId: 3, sessionId: id, seq: 0 });
    expect(keys(first.root)).toContain('Text#count "0"');
    expect(first.next!.changes).toEqual([{ op: "set", id: s.find({ key: "count" }).id, label: "Text#count", props: [{ name: "value", before: "0", after: "1" }] }]);
  });

  it("keeps a bounded number of patches and still rebuilds the oldest kept state", async () => {
    const out: ServerMessage[] = [];
    agent = attachAgent({ inspect: { history: { patches: 3, ops: 1_000 } } });
    agent.subscribe((m) => out.push(m));
    const s = await openSession(counter);
    sessions.push(s);
    for (let i = 0; i < 6; i++) await s.find({ key: "inc" }).click();
    const h = await new Promise<ServerMessage>((resolve) => agent!.inspect!.handle({ type: "get-history", requestId: 1, sessionId: s.session.id, seq: 0 }, resolve, { loopback: true }));
    if (h.type !== "result" || h.of !== "get-history") throw new Error("no history");
    expect(h.result.steps).toHaveLength(3);
    expect(h.result.seq).toBe(h.result.first); // clamped to the oldest kept state
    expect(keys(h.result.root)).toContain('Text#count "3"');
  });
});

describe("inspect service: causal chains", () => {
  it("links an event to its handler, the controls it changed, the patch and the browser's round trip", async () => {
    const { s, out } = await setup();
    const inc = s.find({ key: "inc" });
    s.send({ type: "event", id: inc.id, name: "click", seq: 1 });
    await s.settle();
    s.send({ type: "timing", seq: 1, ms: 9.5 });
    const chains = out.filter((m): m is { type: "chain"; chain: CausalChain } => m.type === "chain").map((m) => m.chain);
    const last = chains[chains.length - 1]!;
    expect(last).toMatchObject({
      control: "Button#inc",
      event: "click",
      clientSeq: 1,
      done: true,
      roundTripMs: 9.5,
      changed: [{ label: "Text#count", op: "set", props: ["value"] }],
      patches: [{ ops: 1, bytes: expect.any(Number) }],
    });
    expect(last.handler!.ms).toBeGreaterThanOrEqual(0);
    const patchRow = out.find((m) => m.type === "message" && m.row.kind === "patch" && m.row.seq === last.patches[0]!.seq);
    expect(patchRow).toBeDefined();
  });

  it("gives an async handler the patch it made after its await, and reports a handler's error", async () => {
    const { s, out } = await setup();
    await s.find({ key: "slow" }).click();
    await s.find({ key: "boom" }).click().catch(() => {});
    const chains = out.filter((m): m is { type: "chain"; chain: CausalChain } => m.type === "chain").map((m) => m.chain);
    expect(chains.find((c) => c.control === "Button#slow")).toMatchObject({ changed: [{ label: "Text#count", props: ["value"] }] });
    expect(chains.find((c) => c.control === "Button#boom")).toMatchObject({ handler: { error: "boom" }, changed: [] });
  });

  it("marks the timing frames as the devtools' own", async () => {
    const { s, out } = await setup();
    s.send({ type: "event", id: s.find({ key: "inc" }).id, name: "click", seq: 1 });
    await s.settle();
    s.send({ type: "timing", seq: 1, ms: 3 });
    const rows = out.flatMap((m) => (m.type === "message" ? [m.row] : []));
    expect(rows.find((r) => r.kind === "timing")).toMatchObject({ tool: true, direction: "in" });
    expect(rows.find((r) => r.kind === "event")).not.toHaveProperty("tool");
  });
});

describe("inspect service: acting on the app", () => {
  it("sets a prop of a live control and sends it to the tab", async () => {
    const { s, id, result, ask } = await setup();
    const count = s.find({ key: "count" });
    await result({ type: "set-prop", requestId: 1, sessionId: id, id: count.id, name: "value", value: "42" });
    expect(s.find({ key: "count" }).text).toBe("42");
    expect(await ask({ type: "set-prop", requestId: 2, sessionId: id, id: count.id, name: "nope", value: 1 })).toMatchObject({ type: "failure", code: "NOT_A_PROP", message: expect.stringContaining("Text has no prop 'nope'") });
    expect(await ask({ type: "set-prop", requestId: 3, sessionId: id, id: 999_999, name: "value", value: 1 })).toMatchObject({ type: "failure", code: "NOT_FOUND" });
  });

  it("evaluates in the session's context with $page and $sel, and updates the tab after", async () => {
    const { s, id, result, ask } = await setup();
    const count = s.find({ key: "count" });
    const read = await result<{ text: string; error: boolean }>({ type: "eval", requestId: 1, sessionId: id, selected: count.id, expression: "$sel.value + '!'" });
    expect(read).toMatchObject({ text: expect.stringContaining("0!"), error: false });
    await result({ type: "eval", requestId: 2, sessionId: id, selected: count.id, expression: "$sel.value = '7'; $sel.value" });
    expect(s.find({ key: "count" }).text).toBe("7");
    const shown = await result<{ text: string }>({ type: "eval", requestId: 3, sessionId: id, expression: "$page.controls[0].controls[0]" });
    expect(shown.text.replace(/\x1b\[\d+m/g, "")).toContain("Text#count");
    const thrown = await result<{ text: string; error: boolean }>({ type: "eval", requestId: 4, sessionId: id, expression: "nope.x" });
    expect(thrown.error).toBe(true);
    expect(thrown.text).toContain("nope is not defined");
    expect(await ask({ type: "eval", requestId: 5, sessionId: id, expression: "1" }, false)).toMatchObject({ type: "failure", code: "LOOPBACK_ONLY" });
  });

  it("keeps an ended session's last tree, errors and frames for a post-mortem", async () => {
    const { s, id, out, result } = await setup();
    await s.find({ key: "inc" }).click();
    await s.find({ key: "boom" }).click().catch(() => {});
    s.close();
    sessions = [];
    expect(out.find((m) => m.type === "session-dead")).toMatchObject({ session: { id, state: "closed", errors: 1 } });
    const pm = await result<import("@weft/protocol/channel").PostMortemResult>({ type: "get-postmortem", requestId: 1, sessionId: id });
    expect(pm.dead).toBe(true);
    expect(pm.errors.map((e) => e.error.message)).toEqual(["boom"]);
    expect(keys(pm.root)).toContain('Text#count "1"');
    const rows = await result<{ rows: { seq: number }[] }>({ type: "get-rows", requestId: 2, sessionId: id });
    expect(rows.rows.length).toBeGreaterThan(3);
    expect(agent!.message(id, rows.rows[0]!.seq)).not.toBeNull();
    const dead = await result<{ sessions: { id: string }[] }>({ type: "get-dead-sessions", requestId: 3 });
    expect(dead.sessions.map((d) => d.id)).toContain(id);
  });
});

describe("agent tree summaries", () => {
  it("names each node's main prop in the tree and in set ops", async () => {
    const { s, id, out } = await setup();
    expect(keys(agent!.tree(id))).toEqual(expect.arrayContaining(['Text#count "0"', 'Button#inc "+"', 'TextField#name "Name"']));
    await s.find({ key: "inc" }).click();
    const ops = out.flatMap((m) => (m.type === "tree-ops" ? m.ops : []));
    expect(ops).toContainEqual({ op: "set", id: s.find({ key: "count" }).id, s: '"1"' });
  });
});

describe("inspect service: the second wave", () => {
  const chainsOf = (out: ServerMessage[]) => out.filter((m): m is { type: "chain"; chain: CausalChain } => m.type === "chain").map((m) => m.chain);

  it("a click that changes nothing gets no round trip from a later click's patch", async () => {
    const { s, out } = await setup();
    s.send({ type: "event", id: s.find({ key: "noop" }).id, name: "click", seq: 1 });
    await s.settle();
    // The tab times every event by the next patch it draws: that of the click after.
    s.send({ type: "event", id: s.find({ key: "inc" }).id, name: "click", seq: 2 });
    await s.settle();
    s.send({ type: "timing", seq: 1, ms: 900 });
    s.send({ type: "timing", seq: 2, ms: 4 });
    const noop = chainsOf(out).filter((c) => c.control === "Button#noop").at(-1)!;
    expect(noop).toMatchObject({ done: true, patches: [], changed: [] });
    expect(noop.roundTripMs).toBeUndefined();
    expect(chainsOf(out).filter((c) => c.control === "Button#inc").at(-1)).toMatchObject({ roundTripMs: 4 });
  });

  it("says what each changed prop was before and after (why did this update)", async () => {
    const { s, out } = await setup();
    await s.find({ key: "inc" }).click();
    await s.find({ key: "inc" }).click();
    const last = chainsOf(out).filter((c) => c.control === "Button#inc").at(-1)!;
    expect(last.changed).toEqual([{ id: s.find({ key: "count" }).id, label: "Text#count", op: "set", props: ["value"], values: [{ name: "value", before: "1", after: "2" }] }]);
  });

  it("attributes a prop edit's and the console's patches to them, in the chain and on the patch row", async () => {
    const { s, id, out, result } = await setup();
    const count = s.find({ key: "count" });
    await result({ type: "set-prop", requestId: 1, sessionId: id, id: count.id, name: "value", value: "9" });
    await result({ type: "eval", requestId: 2, sessionId: id, selected: count.id, expression: "$sel.value = 'x'" });
    const caused = chainsOf(out).filter((c) => c.cause);
    expect(caused.map((c) => [c.cause, c.control, c.event, c.changed[0]?.values])).toEqual([
      ["edit", "Text#count", "set value", [{ name: "value", before: "0", after: "9" }]],
      ["console", "Text#count", "$sel.value = 'x'", [{ name: "value", before: "9", after: "x" }]],
    ]);
    const rows = out.flatMap((m) => (m.type === "message" && m.row.kind === "patch" ? [m.row] : []));
    expect(rows.slice(-2).map((r) => r.cause)).toEqual(["set value", "$sel.value = 'x'"]);
    expect(caused.map((c) => c.seq)).toEqual(rows.slice(-2).map((r) => r.seq));
  });

  it("names the control a handler threw in the way every tool does, with its id", async () => {
    const { s, out } = await setup();
    await s.find({ key: "boom" }).click().catch(() => {});
    expect(out.find((m) => m.type === "error")).toMatchObject({ where: "onClick of Button#boom", id: s.find({ key: "boom" }).id });
  });

  it("shows a component's hooks, and sets its state as its setter would", async () => {
    const { s, id, result } = await setup();
    const button = s.find({ key: "hooked-button" });
    const componentId = agent!.props(id, button.id)!.parent!;
    const props = agent!.props(id, componentId)!;
    expect(props.name).toBe("Counter");
    expect(props.hooks).toEqual([
      { index: 0, kind: "state", value: 5, editable: true },
      { index: 1, kind: "ref", value: 0, editable: false },
      { index: 2, kind: "memo", value: 10, editable: false },
    ]);
    await result({ type: "set-hook", requestId: 1, sessionId: id, id: componentId, index: 0, value: 41 });
    expect(s.find({ key: "hooked-button" }).text).toBe("41 (×2 = 82)");
    expect(agent!.props(id, componentId)!.hooks![2]).toMatchObject({ value: 82 });
  });

  it("changes a checkbox as the user's click would: its onChange runs, or it says none did", async () => {
    const { s, id, result } = await setup();
    const done = s.find({ key: "done" });
    const ran = await result<{ ran: string | null }>({ type: "set-prop", requestId: 1, sessionId: id, id: done.id, name: "value", value: true, as: "user" });
    expect(ran.ran).toBe("onChange");
    expect(s.find({ key: "count" }).text).toBe("done: true");
    const quiet = await result<{ ran: string | null; note: string }>({ type: "set-prop", requestId: 2, sessionId: id, id: s.find({ key: "quiet" }).id, name: "value", value: true, as: "user" });
    expect(quiet).toMatchObject({ ran: null, note: "Checkbox#quiet has no onChange: the value changed, no handler ran" });
    expect(agent!.props(id, done.id)).toMatchObject({ clientProps: ["value"] });
  });

  it("marks hidden controls and controls with handlers in the tree", async () => {
    const { id } = await setup();
    const flags: string[] = [];
    const walk = (n: TreeNode) => {
      if (n.k === "hidden" || n.k === "inc" || n.k === "count") flags.push(`${n.k} x=${n.x ?? 0} e=${n.e ?? 0}`);
      for (const slot in n.c) for (const c of n.c[slot]!) walk(c);
    };
    walk(agent!.tree(id)!);
    expect(flags.sort()).toEqual(["count x=0 e=0", "hidden x=1 e=0", "inc x=0 e=1"]);
  });

  it("exports a session as a recording that replays as recorded", async () => {
    const { s, id, result } = await setup();
    await s.find({ key: "inc" }).click();
    await s.find({ key: "add" }).click();
    const exported = await result<{ name: string; text: string; partial?: string }>({ type: "export-recording", requestId: 1, sessionId: id });
    expect(exported.name).toMatch(/\.weft\.jsonl$/);
    expect(exported.partial).toBeUndefined();
    const recording = parseRecording(exported.text, exported.name);
    const replayed = await replay(recording, { app: counter });
    expect(replayed.differences.map(String)).toEqual([]);
    expect(replayed.steps).toBe(3);
  });

  it("opens a recording as an ended session: rows, tree at every step, chains", async () => {
    const { s, id, result } = await setup();
    await s.find({ key: "inc" }).click();
    await s.find({ key: "inc" }).click();
    const exported = await result<{ name: string; text: string }>({ type: "export-recording", requestId: 1, sessionId: id });
    const opened = agent!.inspect!.openRecording(parseRecording(exported.text, "counter.weft.jsonl"));
    expect(opened).toMatchObject({ state: "closed", title: "Counter", recording: { file: "counter.weft.jsonl", steps: [1, 3, 5] } });
    const rows = await result<{ rows: import("@weft/protocol/channel").MessageRow[] }>({ type: "get-rows", requestId: 2, sessionId: opened.id });
    expect(rows.rows.map((r) => `${r.direction} ${r.kind}`)).toEqual(["in register", "out registered", "in event", "out patch", "in event", "out patch"]);
    const chains = await result<{ chains: CausalChain[] }>({ type: "get-chains", requestId: 3, sessionId: opened.id });
    expect(chains.chains.map((c) => c.changed[0]?.values)).toEqual([[{ name: "value", before: "0", after: "1" }], [{ name: "value", before: "1", after: "2" }]]);
    const atStep2 = await result<import("@weft/protocol/channel").HistoryResult>({ type: "get-history", requestId: 4, sessionId: opened.id, seq: 4 });
    expect(keys(atStep2.root)).toContain('Text#count "1"');
    expect(atStep2.next).toMatchObject({ seq: 6 });
  });
});
