import { once } from "node:events";
import type { IncomingMessage } from "node:http";
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import "weft";
import { attachAgent, type Agent } from "@weft/agent";
import { startChannelServer, type ChannelServer } from "../channelServer.ts";
import { Hub } from "../hub.ts";

let agent: Agent;
let hub: Hub;
let server: ChannelServer;
beforeAll(async () => {
  agent = attachAgent({ sourceLocations: false });
  hub = new Hub({
    agent,
    hello: () => ({ type: "hello", version: 1, app: { entry: "/app/app.ts", url: "http://127.0.0.1:1/", root: "/app" }, pid: 1, startedAt: 0 }),
    backlog: () => [],
    stats: () => ({ pid: 1, uptimeMs: 0, heapUsed: 0, rss: 0, activeResources: {}, sessions: 0, swaps: 0 }),
  });
  server = await startChannelServer({ hub, port: 0 });
});
afterAll(async () => {
  await server.close();
  hub.dispose();
  agent.dispose();
});

function attempt(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; ws?: WebSocket }>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers });
    ws.on("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.on("open", () => resolve({ status: 101, body: "", ws }));
    ws.on("error", () => {});
  });
}

describe("the channel server", () => {
  it("needs the token (401), refuses a foreign Origin and a foreign Host (403), each saying why", async () => {
    expect(await attempt("/channel")).toMatchObject({ status: 401, body: expect.stringContaining("missing or wrong token") });
    expect(await attempt("/channel?token=nope")).toMatchObject({ status: 401 });
    expect(await attempt(`/channel?token=${server.token}`, { Origin: "https://evil.example" })).toMatchObject({ status: 403, body: expect.stringContaining("the page at https://evil.example") });
    expect(await attempt(`/channel?token=${server.token}`, { Host: "evil.example" })).toMatchObject({ status: 403, body: expect.stringMatching(/"evil\.example".*--allowed-hosts/) });
    expect(await attempt("/elsewhere")).toMatchObject({ status: 404 });
  });

  it("accepts the inspector's own origin and a VS Code webview, then speaks after hello", async () => {
    for (const origin of [`http://127.0.0.1:${server.port}`, "vscode-webview://abc123"]) {
      const { status, ws } = await attempt(`/channel?token=${server.token}`, { Origin: origin });
      expect(status).toBe(101);
      const first = new Promise<unknown[]>((resolve) => ws!.once("message", (data) => resolve(JSON.parse(String(data)))));
      ws!.send(JSON.stringify([{ type: "hello", version: 1, client: "test" }]));
      expect((await first).map((m) => (m as { type: string }).type)).toEqual(["hello", "sessions"]);
      ws!.close();
    }
  });

  it("closes a tool that speaks another version, with the reason", async () => {
    const { ws } = await attempt(`/channel?token=${server.token}`);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws!.once("close", (code, reason) => resolve({ code, reason: String(reason) })));
    ws!.send(JSON.stringify([{ type: "hello", version: 99, client: "future" }]));
    expect(await closed).toMatchObject({ code: 4001, reason: expect.stringContaining("speaks weft channel 1, the tool 99") });
  });

  it("serves the inspector page at the root", async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  });
});

/** An address of this machine that is not loopback, to reach the channel as a tool on another machine would. */
describe("the channel server's frames to a tool", () => {
  /** A tool that says hello (with `hello`'s extra fields), then counts the frames of a 600 ms stream of app output. */
  async function framesOfStream(hello: Record<string, unknown>) {
    const { ws } = await attempt(`/channel?token=${server.token}`);
    const frames: { type: string }[][] = [];
    ws!.on("message", (data) => frames.push(JSON.parse(String(data)) as { type: string }[]));
    ws!.send(JSON.stringify([{ type: "hello", version: 1, client: "test", ...hello }]));
    await new Promise<void>((resolve) => {
      const check = () => (frames.length > 0 ? resolve() : setTimeout(check, 5));
      check();
    });
    frames.length = 0;
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < 600) {
      hub.broadcast({ type: "log", stream: "stdout", text: `line ${++n}\n`, at: Date.now() });
      await new Promise((r) => setTimeout(r, 2));
    }
    const stats = new Promise<{ type: string }[]>((resolve) => ws!.on("message", (data) => {
      const frame = JSON.parse(String(data)) as { type: string }[];
      if (frame.some((m) => m.type === "result")) resolve(frame);
    }));
    ws!.send(JSON.stringify([{ type: "get-stats", requestId: 1 }]));
    const answer = await stats;
    const lines = frames.flat().filter((m) => m.type === "log").length;
    ws!.close();
    return { frames: frames.length, lines, sent: n, answer };
  }

  it("gathers a busy stream into frames of ~100 ms, keeps every message, and answers a request without holding it; a tool may ask for 16 ms", async () => {
    const batched = await framesOfStream({});
    expect(batched.lines).toBe(batched.sent);
    // One at once, six more 16 ms apart in the first 100 ms (a click's reaction), then one per 100 ms: 13, not 38.
    expect(batched.frames).toBeLessThanOrEqual(1 + 100 / 16 + 500 / 100 + 3);
    expect(batched.answer.at(-1)).toMatchObject({ type: "result", requestId: 1 });
    const eager = await framesOfStream({ batchMs: 16 });
    expect(eager.lines).toBe(eager.sent);
    expect(eager.frames).toBeGreaterThan(batched.frames * 2);
  });
});

const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

describe("the channel server's compression", () => {
  /** A channel whose backlog is one big log message, as a busy app's terminal output would be. */
  async function channelWithBacklog(compression: boolean | undefined, lines = 1_000, host?: string) {
    const text = Array.from({ length: lines }, (_, i) => `line ${i}: GET /api/items?page=${i} 200 12ms\n`).join("");
    const hub = new Hub({
      agent,
      hello: () => ({ type: "hello", version: 1, app: { entry: "/app/app.ts", url: "http://127.0.0.1:1/", root: "/app" }, pid: 1, startedAt: 0 }),
      backlog: () => [{ type: "log", stream: "stdout", text, at: 0 }],
      stats: () => ({ pid: 1, uptimeMs: 0, heapUsed: 0, rss: 0, activeResources: {}, sessions: 0, swaps: 0, channelClients: 0 }),
    });
    return { text, channel: await startChannelServer({ hub, port: 0, compression, ...(host ? { host, allowedHosts: true } : {}) }) };
  }

  /** Connects as Chromium does (ws's client offers what Chromium offers), says hello, and counts the bytes of the answer on the TCP socket. */
  async function hello(channel: ChannelServer, address = "127.0.0.1") {
    const ws = new WebSocket(`ws://${address}:${channel.port}/channel?token=${channel.token}`);
    const upgraded = once(ws, "upgrade") as Promise<[IncomingMessage]>;
    const opened = once(ws, "open");
    const [[res]] = await Promise.all([upgraded, opened]);
    const before = res.socket.bytesRead;
    ws.send(JSON.stringify([{ type: "hello", version: 1, client: "test" }]));
    const [data] = await once(ws, "message");
    const bytes = res.socket.bytesRead - before;
    ws.close();
    return { extensions: res.headers["sec-websocket-extensions"], text: String(data), bytes };
  }

  it.skipIf(!outsideAddress)("sends a large frame compressed to a tool on another machine that offers permessage-deflate", async () => {
    const { text, channel } = await channelWithBacklog(undefined, 1_000, "0.0.0.0");
    try {
      const answer = await hello(channel, outsideAddress);
      expect(answer.extensions).toMatch(/^permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=11/);
      expect((JSON.parse(answer.text) as { type: string; text?: string }[]).find((m) => m.type === "log")?.text).toBe(text);
      expect(answer.bytes).toBeLessThan(Buffer.byteLength(answer.text) / 4);
    } finally {
      await channel.close();
    }
  });

  it("sends a tool on this machine even a large frame as it is: deflating costs the app's process more than loopback bytes do", async () => {
    const { text, channel } = await channelWithBacklog(undefined);
    try {
      const answer = await hello(channel);
      expect(answer.extensions).toMatch(/^permessage-deflate/);
      expect((JSON.parse(answer.text) as { type: string; text?: string }[]).find((m) => m.type === "log")?.text).toBe(text);
      expect(answer.bytes).toBeGreaterThan(Buffer.byteLength(answer.text));
    } finally {
      await channel.close();
    }
  });

  it.skipIf(!outsideAddress)("sends the steady stream of small frames as they are, to another machine too", async () => {
    const { text, channel } = await channelWithBacklog(undefined, 100, "0.0.0.0");
    try {
      const answer = await hello(channel, outsideAddress);
      expect(answer.extensions).toMatch(/^permessage-deflate/);
      expect((JSON.parse(answer.text) as { type: string; text?: string }[]).find((m) => m.type === "log")?.text).toBe(text);
      expect(answer.bytes).toBeGreaterThan(Buffer.byteLength(answer.text));
    } finally {
      await channel.close();
    }
  });

  it("sends it as it is with compression off", async () => {
    const { channel } = await channelWithBacklog(false);
    try {
      const answer = await hello(channel);
      expect(answer.extensions).toBeUndefined();
      expect(answer.bytes).toBeGreaterThan(Buffer.byteLength(answer.text));
    } finally {
      await channel.close();
    }
  });
});
