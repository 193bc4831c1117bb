import { afterEach, describe, expect, it } from "vitest";
import { WebSocket, type ClientOptions } from "ws";
import { Text } from "../../index.ts";
import { PROTOCOL_VERSION } from "@weft/protocol";
import { createWeftServer, type WeftServer, type WeftServerOptions } from "../server.ts";

let server: WeftServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = async (options: Partial<WeftServerOptions> = {}) =>
  (server = await createWeftServer({ main: (page) => page.add(new Text("hi")), port: 0, ...options }));

/** A socket to the app; `answersPings: false` is a peer that went silent without a FIN. */
function socket(s: WeftServer, options: { answersPings?: boolean; ws?: ClientOptions } = {}) {
  const ws = new WebSocket(s.url.replace("http", "ws") + "ws", { autoPong: options.answersPings ?? true, ...options.ws });
  const messages: { type: string; sessionId?: string; resumed?: boolean }[] = [];
  let pings = 0;
  ws.on("ping", () => pings++);
  ws.on("message", (data) => messages.push(JSON.parse(String(data))));
  ws.on("error", () => {});
  const opened = new Promise<void>((resolve) => ws.once("open", () => resolve()));
  const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
  const register = async (sessionId?: string) => {
    await opened;
    ws.send(JSON.stringify({ type: "register", protocol: PROTOCOL_VERSION, sessionId, client: { route: "/" } }));
  };
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise((r) => setTimeout(r, 5));
  };
  return { ws, messages, opened, closed, register, until, pings: () => pings };
}

describe("heartbeat", () => {
  it("ends a socket that stops answering pings; its session waits for a resume", async () => {
    const s = await start({ heartbeatMs: 50 });
    const silent = socket(s, { answersPings: false });
    await silent.register();
    await silent.until(() => silent.messages.length > 0);
    const [session] = s.manager.sessions.values();
    expect(await silent.closed).toBe(1006); // terminated: a dead peer cannot read a close frame
    await silent.until(() => session!.state === "resuming");
  });

  it("keeps a socket that answers", async () => {
    const s = await start({ heartbeatMs: 30 });
    const live = socket(s);
    await live.register();
    await live.until(() => live.pings() >= 4);
    expect(live.ws.readyState).toBe(WebSocket.OPEN);
    live.ws.close();
  });
});

describe("register", () => {
  it("closes a socket that does not register within registerTimeoutMs with 4004", async () => {
    const s = await start({ registerTimeoutMs: 50 });
    const idle = socket(s);
    await idle.opened;
    expect(await idle.closed).toBe(4004);
  });

  it("lets a reconnecting tab take its session over from a socket that went silent", async () => {
    const s = await start({ takeoverProbeMs: 100 });
    const old = socket(s, { answersPings: false });
    await old.register();
    await old.until(() => old.messages.length > 0);
    const id = old.messages[0]!.sessionId!;
    const next = socket(s);
    await next.register(id);
    await next.until(() => next.messages.length > 0);
    expect(next.messages[0]).toMatchObject({ type: "registered", sessionId: id, resumed: true });
    expect(await old.closed).toBe(4003);
    next.ws.close();
  });
});
