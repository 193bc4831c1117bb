import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { constants, deflateRawSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { Button, Column, Container, Image, Row, Text } from "../../index.ts";
import { hook } from "../../hook.ts";
import { describeTree } from "../../session/wireNode.ts";
import { fromRelativeIds, PROTOCOL_VERSION } from "@weft/protocol";
import { heldZlibStreams, perMessageDeflateOptions, tuneSocketCompression } from "../compression.ts";
import { createWeftServer, type WeftServer } from "../server.ts";
import { RawSocket } from "./rawSocket.ts";

/** What Chromium offers (Sec-WebSocket-Extensions of its upgrade request). */
const CHROMIUM_OFFER = "permessage-deflate; client_max_window_bits";

/** A page well above the 1 KiB threshold, and a button whose click patches one short text. */
function bigPage(page: import("../../index.ts").Page) {
  const count = new Text({ value: "0", key: "count" });
  page.add(
    new Button({ text: "+", key: "inc", onClick: () => void (count.value = String(Number(count.value) + 1)) }),
    count,
    new Column(Array.from({ length: 200 }, (_, i) => new Text({ value: `row ${i}`, key: `row-${i}` }))),
  );
}

const register = JSON.stringify({ type: "register", protocol: PROTOCOL_VERSION, client: { route: "/" } });

/** A message as a permessage-deflate sender puts it in a frame: raw deflate, flushed, trailer stripped. */
const deflated = (text: string) => deflateRawSync(text, { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, -4);

let server: WeftServer | undefined;
const sockets: RawSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await server?.close();
  server = undefined;
});

async function open(options: { compression?: boolean; compressionThreshold?: number; maxMessageBytes?: number }, offer: string | null = CHROMIUM_OFFER) {
  server = await createWeftServer({ main: bigPage, port: 0, ...options });
  const socket = await RawSocket.open(server.port, "/ws", offer);
  sockets.push(socket);
  return socket;
}

describe("compression on the app's socket", () => {
  it("negotiates permessage-deflate with no context takeover and a 2 KiB server window", async () => {
    const socket = await open({});
    expect(socket.status).toBe(101);
    const accepted = socket.headers["sec-websocket-extensions"]!.split(";").map((p) => p.trim());
    expect(accepted).toEqual(expect.arrayContaining(["permessage-deflate", "server_no_context_takeover", "client_no_context_takeover", "server_max_window_bits=11"]));
  });

  it("compresses a frame above the threshold and sends one below it as it is", async () => {
    const socket = await open({});
    socket.sendText(register);
    const registered = await socket.next((f) => f.text.startsWith('{"type":"registered"'));
    expect(registered.rsv1).toBe(true);
    expect(registered.text.length).toBeGreaterThan(5000);
    expect(registered.payload.length).toBeLessThan(registered.text.length / 4);

    const page = JSON.parse(registered.text).page;
    const inc = JSON.stringify(page).match(/"i":(\d+),"t":"Button"/)![1];
    socket.sendText(JSON.stringify({ type: "event", id: Number(inc), name: "click" }));
    const patch = await socket.next((f) => f.text.startsWith('{"type":"patch"'));
    expect(patch.text).toContain('"value":"1"');
    expect(patch.rsv1).toBe(false);
    expect(patch.payload.length).toBe(Buffer.byteLength(patch.text));
  });

  it("takes the threshold from the server's options", async () => {
    const socket = await open({ compressionThreshold: 1_000_000 });
    socket.sendText(register);
    const registered = await socket.next((f) => f.text.startsWith('{"type":"registered"'));
    expect(registered.rsv1).toBe(false);
  });

  it("with compression off, negotiates nothing and sends every frame as it is", async () => {
    const socket = await open({ compression: false });
    expect(socket.status).toBe(101);
    expect(socket.headers["sec-websocket-extensions"]).toBeUndefined();
    socket.sendText(register);
    const registered = await socket.next((f) => f.text.startsWith('{"type":"registered"'));
    expect(registered.rsv1).toBe(false);
  });

  it("accepts a plain offer without client_max_window_bits (Firefox's) instead of refusing the upgrade", async () => {
    const socket = await open({}, "permessage-deflate");
    expect(socket.status).toBe(101);
    expect(socket.headers["sec-websocket-extensions"]).toMatch(/^permessage-deflate/);
    socket.sendText(register);
    expect((await socket.next((f) => f.text.startsWith('{"type":"registered"'))).rsv1).toBe(true);
  });

  it("closes the connection with 1007 on a compressed frame that does not inflate, and serves the next one", async () => {
    const socket = await open({});
    socket.sendFrame(Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x13]), { rsv1: true });
    const close = await socket.next((f) => f.opcode === 0x8);
    expect(close.payload.readUInt16BE(0)).toBe(1007);
    const next = await RawSocket.open(server!.port, "/ws", CHROMIUM_OFFER);
    sockets.push(next);
    next.sendFrame(deflated(register), { rsv1: true }); // as Chromium sends it
    expect((await next.next((f) => f.text.startsWith('{"type":"registered"'))).rsv1).toBe(true);
  });

  it("takes a compressed frame that ends its own deflate stream (a final block, which RFC 7692 allows)", async () => {
    const socket = await open({});
    socket.sendFrame(deflateRawSync(register), { rsv1: true });
    expect((await socket.next((f) => f.text.startsWith('{"type":"registered"'))).rsv1).toBe(true);
  });

  it("closes with 1009 on a small compressed frame that inflates past maxMessageBytes", async () => {
    const socket = await open({ maxMessageBytes: 100_000 });
    const bomb = deflated("x".repeat(500_000));
    expect(bomb.length).toBeLessThan(1024);
    socket.sendFrame(bomb, { rsv1: true });
    const close = await socket.next((f) => f.opcode === 0x8);
    expect(close.payload.readUInt16BE(0)).toBe(1009);
  });

  it("sends a client that asks for relative ids its page in a third of the bytes; decoded, the same tree", async () => {
    // Flet's benchmark page, smaller: tiles that differ only in their ids and alt texts.
    server = await createWeftServer({
      port: 0,
      main: (page) =>
        page.add(new Row(Array.from({ length: 500 }, (_, i) => new Container({ width: 40, height: 40, content: new Image({ src: "data:,", alt: `tile ${i}`, width: 32 }) })), { wrap: true })),
    });
    const heard: string[] = [];
    const off = hook.subscribe((event) => void (event.type === "message" && event.direction === "out" && heard.push(event.text)));
    try {
      const pages: Record<"absolute" | "relative", { payload: number; page: unknown; sessionId: string }> = {} as never;
      for (const ids of ["absolute", "relative"] as const) {
        const socket = await RawSocket.open(server.port, "/ws", CHROMIUM_OFFER);
        sockets.push(socket);
        socket.sendText(JSON.stringify({ type: "register", protocol: PROTOCOL_VERSION, client: { route: "/" }, ...(ids === "relative" ? { ids } : {}) }));
        const frame = await socket.next((f) => f.text.startsWith('{"type":"registered"'));
        expect(frame.text.includes('"i":')).toBe(ids === "absolute");
        const message = fromRelativeIds(JSON.parse(frame.text) as { type: "registered"; page: unknown; sessionId: string });
        pages[ids] = { payload: frame.payload.length, page: message.page, sessionId: message.sessionId };
      }
      expect(pages.relative.payload).toBeLessThan(pages.absolute.payload / 2);
      for (const { page, sessionId } of Object.values(pages)) expect(page).toEqual(describeTree(server.manager.sessions.get(sessionId)!.page));
      // Tools and recordings hear the ordinary form.
      expect(heard.filter((t) => t.startsWith('{"type":"registered"')).every((t) => t.includes('"i":') && !t.includes('"d":'))).toBe(true);
    } finally {
      off();
    }
  });

  it("talks plainly to a client that offers no compression", async () => {
    const socket = await open({}, null);
    expect(socket.headers["sec-websocket-extensions"]).toBeUndefined();
    socket.sendText(register);
    expect((await socket.next((f) => f.text.startsWith('{"type":"registered"'))).rsv1).toBe(false);
  });
});

describe("tuneSocketCompression", () => {
  let http: Server | undefined;
  let wss: WebSocketServer | undefined;
  const clients: WebSocket[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.terminate();
    wss?.close();
    if (http) await new Promise((r) => http!.close(r));
    http = wss = undefined;
  });

  /** A bare ws server with weft's settings (or others) and one client like Chromium (it compresses every frame). */
  async function pair(options = perMessageDeflateOptions()) {
    http = createServer();
    wss = new WebSocketServer({ server: http, perMessageDeflate: options });
    await new Promise<void>((r) => http!.listen(0, "127.0.0.1", r));
    const accepted = once(wss, "connection") as Promise<[WebSocket]>;
    const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`, { perMessageDeflate: { threshold: 0 } });
    clients.push(client);
    const [serverSide] = await accepted;
    const releases = tuneSocketCompression(serverSide);
    await once(client, "open");
    return { client, serverSide, releases };
  }

  const until = async (condition: () => boolean, what: string) => {
    const deadline = Date.now() + 5000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  it("frees a socket's deflate and inflate streams once its messages are done", async () => {
    const { client, serverSide, releases } = await pair();
    expect(releases).toBe(true);
    const received = once(client, "message");
    serverSide.send("x".repeat(50_000));
    expect(String((await received)[0])).toHaveLength(50_000);
    await until(() => heldZlibStreams(serverSide) === 0, "the deflate stream is freed");

    const got = once(serverSide, "message");
    const big = randomBytes(3000).toString("base64"); // compresses to well over SMALL_FRAME
    client.send(big);
    expect(String((await got)[0])).toBe(big);
    await until(() => heldZlibStreams(serverSide) === 0, "the inflate stream is freed");

    // And they come back for the next message, which still arrives whole.
    const again = once(client, "message");
    serverSide.send("y".repeat(50_000));
    expect(String((await again)[0])).toBe("y".repeat(50_000));
  });

  it("inflates a small compressed frame in one step, without a zlib stream, and keeps frames in order", async () => {
    const { client, serverSide } = await pair();
    const got: string[] = [];
    let streamsAtMessage = -1;
    serverSide.on("message", (data) => {
      got.push(String(data));
      if (got.length === 1) streamsAtMessage = heldZlibStreams(serverSide);
    });
    const big = randomBytes(3000).toString("base64");
    // The last one is small compressed but large inflated: past 64 KiB it takes the stream path.
    const sent = ['{"type":"event","id":5,"name":"click"}', big, '{"type":"event","id":6,"name":"click"}', "x".repeat(20_000), "y".repeat(300_000)];
    for (const text of sent) client.send(text);
    await until(() => got.length === sent.length, "every frame arrived");
    expect(got).toEqual(sent);
    expect(streamsAtMessage).toBe(0); // a streamed inflate would still hold its stream here
  });

  it("keeps the inflate stream between the fragments of one message", async () => {
    const { client, serverSide } = await pair();
    const got = once(serverSide, "message");
    const first = "the first half of a message, ".repeat(40);
    client.send(first, { fin: false, compress: true });
    // A ping after the fragment: the server answers it only once the fragment is inflated.
    client.ping();
    await once(client, "pong");
    await new Promise((r) => setImmediate(r));
    // The end repeats the start, so its deflate data points back into the first fragment.
    const end = "the first half of a message, ".repeat(20) + "and its end";
    client.send(end, { fin: true, compress: true });
    expect(String((await got)[0])).toBe(first + end);
  });

  it("does nothing when a context is kept between messages: the streams are the context", async () => {
    const { client, serverSide, releases } = await pair({ ...perMessageDeflateOptions(), serverNoContextTakeover: false, clientNoContextTakeover: false });
    expect(releases).toBe(false);
    const received = once(client, "message");
    serverSide.send("z".repeat(5000));
    await received;
    await new Promise((r) => setImmediate(r)); // where a release would have run
    expect(heldZlibStreams(serverSide)).toBe(1);
  });
});
