import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { Text, type Page } from "weft";
import { openSession, type HeadlessSession } from "weft/testing";
import { CHANNEL_VERSION, type ServerMessage } from "@weft/protocol/channel";
import { ChannelClient, ChannelError, type ChannelClientOptions, type ChannelEvent, type ChannelState } from "../index.ts";
import { openLiveChannel, type LiveChannel } from "./channelFixture.ts";

/**
 * The client against the devserver's real channel server (its hub, the agent on the runtime's
 * hook, a headless session), and against bare `ws` servers that misbehave on purpose.
 */

const app = (page: Page) => void page.add(new Text({ value: "hello", key: "greeting" }));

let live: LiveChannel;
let clients: ChannelClient[] = [];
let sessions: HeadlessSession[] = [];
let bare: WebSocketServer[] = [];

beforeEach(async () => {
  live = await openLiveChannel();
});

afterEach(async () => {
  for (const c of clients) c.close();
  for (const s of sessions) s.close();
  for (const b of bare) await new Promise((r) => b.close(r));
  await live.close();
  clients = [];
  sessions = [];
  bare = [];
});

function client(options: Partial<ChannelClientOptions> = {}): ChannelClient {
  const c = new ChannelClient({ url: live.url(), client: "test", connect: (url) => new WebSocket(url), ...options });
  clients.push(c);
  return c;
}

/** Every state the client goes through, and a way to wait for one. */
function record(c: ChannelClient) {
  const states: ChannelState[] = [];
  const events: ChannelEvent[] = [];
  c.onState((s) => states.push(s));
  c.onMessage((m) => events.push(m));
  const until = (test: (s: ChannelState) => boolean, what: string) =>
    new Promise<ChannelState>((resolve, reject) => {
      const seen = states.find(test);
      if (seen) return resolve(seen);
      const timer = setTimeout(() => reject(new Error(`no ${what}; states: ${states.map((s) => s.status).join(" → ")}`)), 10_000);
      const undo = c.onState((s) => {
        if (!test(s)) return;
        clearTimeout(timer);
        undo();
        resolve(s);
      });
    });
  return { states, events, until };
}

/** A bare WebSocket server on a free port; `onConnection` decides what it says. */
async function bareServer(onConnection: (ws: WebSocket) => void): Promise<string> {
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  bare.push(wss);
  wss.on("connection", onConnection);
  await new Promise((r) => wss.once("listening", r));
  const { port } = wss.address() as { port: number };
  return `ws://127.0.0.1:${port}/channel?token=t`;
}

const serverHello = (version: number): ServerMessage => ({ type: "hello", version, app: { entry: "/a.ts", url: "http://127.0.0.1:1/", root: "/" }, pid: 1, startedAt: 0 });

describe("the channel client", () => {
  it("says hello with its version, then hears the devserver's hello and sessions, in that order", async () => {
    const session = await openSession(app);
    sessions.push(session);
    const c = client();
    const { states, events } = record(c);
    c.start();
    const hello = await c.opened();
    expect(hello).toMatchObject({ type: "hello", version: CHANNEL_VERSION, app: { entry: "/app/app.ts" } });
    expect(states.map((s) => s.status)).toEqual(["connecting", "open"]);
    await expect.poll(() => events.map((m) => m.type)).toEqual(["hello", "sessions"]);
    const list = events[1] as Extract<ChannelEvent, { type: "sessions" }>;
    expect(list.sessions.map((s) => s.id)).toContain(session.session.id);
  });

  it("lets a state listener send on open, before the rest of the hello's frame is handled", async () => {
    const session = await openSession(app);
    sessions.push(session);
    const c = client();
    const order: string[] = [];
    let sent = false;
    c.onState((state) => {
      order.push(`state ${state.status}`);
      if (state.status === "open") sent = c.send({ type: "watch", sessionId: session.session.id });
    });
    c.onMessage((m) => order.push(m.type));
    c.start();
    await expect.poll(() => order.includes("tree")).toBe(true);
    expect(sent).toBe(true);
    expect(order).toEqual(["state connecting", "state open", "hello", "sessions", "tree"]);
  });

  it("resolves a request with its typed result, and rejects a failure with the devserver's code", async () => {
    const session = await openSession(app);
    sessions.push(session);
    const c = client();
    c.start();
    await c.opened();
    const sessionId = session.session.id;
    const id = session.find({ key: "greeting" }).id;
    const props = await c.request("get-props", { sessionId, id });
    expect(props).toMatchObject({ type: "Text", props: { value: "hello", key: "greeting" } });
    const figures = await c.request("get-stats", {});
    expect(figures.channelClients).toBe(1);
    const missing = c.request("get-props", { sessionId, id: 999_999 });
    await expect(missing).rejects.toBeInstanceOf(ChannelError);
    await expect(missing).rejects.toMatchObject({ code: "NOT_FOUND", request: "get-props", message: `no control 999999 in session ${sessionId}` });
  });

  it("refuses a request while not open, without sending anything", async () => {
    const c = client();
    await expect(c.request("get-stats", {})).rejects.toMatchObject({ code: "NOT_CONNECTED" });
    expect(c.send({ type: "watch", sessionId: "s" })).toBe(false);
  });

  it("gives up on an unanswered request after its timeout", async () => {
    const url = await bareServer((ws) => ws.on("message", () => ws.send(JSON.stringify([serverHello(CHANNEL_VERSION)]))));
    const c = client({ url, requestTimeoutMs: 50 });
    c.start();
    await c.opened();
    await expect(c.request("get-stats", {})).rejects.toMatchObject({ code: "TIMEOUT", message: "weft dev did not answer 'get-stats' within 50 ms" });
  });

  it("stays closed, saying what to update, when the devserver speaks another channel version", async () => {
    let closedWith: number | null = null;
    const url = await bareServer((ws) => {
      ws.on("message", () => ws.send(JSON.stringify([serverHello(CHANNEL_VERSION + 1)])));
      ws.on("close", (code) => (closedWith = code));
    });
    const c = client({ url, reconnect: { initialDelayMs: 10, maxDelayMs: 10, factor: 1 } });
    const { until } = record(c);
    c.start();
    await expect(c.opened()).rejects.toMatchObject({
      code: "VERSION_MISMATCH",
      message: `weft dev speaks weft channel ${CHANNEL_VERSION + 1}, this test ${CHANNEL_VERSION}; update the test or weft`,
    });
    expect(await until((s) => s.status === "closed", "closed state")).toMatchObject({ retryInMs: null });
    await expect.poll(() => closedWith).toBe(4001);
  });

  it("does not retry a refused first connection, and keeps the token out of the message", async () => {
    const c = client({ url: live.url("wrong-token") });
    c.start();
    const error = await c.opened().catch((err: unknown) => err);
    expect(error).toMatchObject({ code: "REFUSED" });
    expect((error as Error).message).toMatch(/^cannot connect to weft dev at ws:\/\/127\.0\.0\.1:\d+\/channel\?token=…: Unexpected server response: 401/);
    expect((error as Error).message).not.toContain("wrong-token");
    expect(c.state).toMatchObject({ status: "closed", retryInMs: null });
  });

  it("gives up on a server that never says hello", async () => {
    const url = await bareServer(() => {});
    const c = client({ url, helloTimeoutMs: 50 });
    c.start();
    await expect(c.opened()).rejects.toMatchObject({ code: "NO_HELLO", message: expect.stringContaining("did not say hello within 50 ms") });
  });

  it("comes back after the devserver restarts, waiting longer after each failed attempt, and rejects what was pending", async () => {
    const c = client({ reconnect: { initialDelayMs: 20, maxDelayMs: 80, factor: 2 } });
    const { states, until } = record(c);
    c.start();
    await c.opened();
    // A request the devserver will never answer: it stops first.
    const pending = c.request("get-history", { sessionId: "nobody" });
    await live.stopServer();
    await expect(pending).rejects.toMatchObject({ code: "CLOSED", message: expect.stringContaining("weft dev stopped") });
    // While it is down, each attempt waits longer, up to the maximum.
    const waits = () => states.flatMap((s) => (s.status === "closed" && s.retryInMs !== null ? [s.retryInMs] : []));
    await until(() => waits().length >= 4, "four retries");
    expect(waits().slice(0, 4)).toEqual([20, 40, 80, 80]);
    await live.restartServer();
    await until((s) => s.status === "open" && states.filter((x) => x.status === "open").length === 2, "the second open");
    const figures = await c.request("get-stats", {});
    expect(figures.pid).toBe(process.pid);
    // Back open: the next drop starts from the first wait again.
    const before = waits().length;
    await live.stopServer();
    await until(() => waits().length > before, "a retry after the second drop");
    expect(waits()[before]).toBe(20);
  });

  it("closes for good when told to, rejecting pending requests", async () => {
    const url = await bareServer((ws) => ws.on("message", () => ws.send(JSON.stringify([serverHello(CHANNEL_VERSION)]))));
    const c = client({ url });
    c.start();
    await c.opened();
    const pending = c.request("get-stats", {});
    c.close("done here");
    await expect(pending).rejects.toMatchObject({ code: "CLOSED", message: expect.stringContaining("done here") });
    expect(c.state).toMatchObject({ status: "closed", retryInMs: null, error: { code: "CLOSED" } });
  });
});
