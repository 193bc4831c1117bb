import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { Text, type Page } from "../../index.ts";
import { PROTOCOL_VERSION, type ServerMessage } from "@weft/protocol";
import { createWeftServer, type WeftServer } from "../../server/server.ts";
import { createWindowGate, TOKEN_PARAM, type WindowGate } from "../windowGate.ts";

/**
 * The server of a desktop app answers its window only: the window opens the URL with the token,
 * gets a cookie and its session, and everyone else is refused, over HTTP and on the socket.
 */
let server: WeftServer;
let gate: WindowGate;
const sockets: WebSocket[] = [];

async function start(main: (page: Page) => void = (page) => page.add(new Text({ value: "hi", key: "hi" }))) {
  gate = createWindowGate();
  server = await createWeftServer({ main, port: 0, gate });
  const { session } = server.manager.sessionFor(undefined, { route: "/" }, "127.0.0.1");
  gate.session = session;
  session.startDetached();
  return session;
}

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await server?.close();
});

/** Opens the launch URL as the window does; returns the cookie it was given and the page's text. */
async function openAsWindow(): Promise<{ cookie: string; body: string; status: number }> {
  const res = await fetch(gate.launchUrl(server.url), { redirect: "manual" });
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  return { cookie, body: await res.text(), status: res.status };
}

function connect(cookie?: string): Promise<{ ws: WebSocket; status?: number }> {
  const ws = new WebSocket(server.url.replace("http", "ws") + "ws", { headers: cookie ? { cookie } : {} });
  sockets.push(ws);
  return new Promise((resolve) => {
    ws.once("open", () => resolve({ ws }));
    ws.once("unexpected-response", (_req, res) => resolve({ ws, status: res.statusCode }));
    ws.once("error", () => resolve({ ws, status: -1 }));
  });
}

function nextMessage(ws: WebSocket): Promise<ServerMessage> {
  return new Promise((resolve) => ws.once("message", (data) => resolve(JSON.parse(String(data)) as ServerMessage)));
}

describe("the desktop window gate", () => {
  it("refuses a page opened without the window's token, naming why", async () => {
    await start();
    for (const path of ["/", "/todo/3", `/?${TOKEN_PARAM}=not-the-token`]) {
      const res = await fetch(new URL(path, server.url), { headers: { accept: "text/html" } });
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/desktop window/);
    }
  });

  it("gives the window a cookie and its session, then serves it the app without the token in the address", async () => {
    const session = await start();
    const { cookie, body, status } = await openAsWindow();
    expect(status).toBe(200);
    expect(cookie).toMatch(new RegExp(`^weft-window-${server.port}=`));
    expect(body).toContain(JSON.stringify(session.id));
    expect(body).toContain('location.replace("/")');
    const app = await fetch(server.url, { headers: { accept: "text/html", cookie } });
    expect(app.status).toBe(200);
    expect(await app.text()).toMatch(/<div id="root">/);
  });

  it("refuses a socket without the cookie, and hands the window the session main already ran in", async () => {
    const session = await start();
    expect((await connect()).status).toBe(403);
    const { cookie } = await openAsWindow();
    const { ws, status } = await connect(cookie);
    expect(status).toBeUndefined();
    const registered = nextMessage(ws);
    ws.send(JSON.stringify({ type: "register", protocol: PROTOCOL_VERSION, sessionId: session.id, client: { route: "/" } }));
    const message = await registered;
    expect(message).toMatchObject({ type: "registered", sessionId: session.id, resumed: false });
    expect(JSON.stringify(message)).toContain('"key":"hi"');
    expect(server.manager.sessions.size).toBe(1);
  });

  it("lets one window in at a time: a second socket while the first is live gets 409", async () => {
    const session = await start();
    const { cookie } = await openAsWindow();
    const { ws } = await connect(cookie);
    const registered = nextMessage(ws);
    ws.send(JSON.stringify({ type: "register", protocol: PROTOCOL_VERSION, sessionId: session.id, client: { route: "/" } }));
    await registered;
    expect((await connect(cookie)).status).toBe(409);
    ws.close();
    await new Promise((resolve) => ws.once("close", resolve));
    await expect.poll(() => session.connected).toBe(false);
    expect((await connect(cookie)).status).toBeUndefined(); // a reload gets back in
  });
});
