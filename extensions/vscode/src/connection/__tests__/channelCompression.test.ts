import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { channelPerMessageDeflate } from "../channelCompression.ts";

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A ws server with permessage-deflate as a devserver might set it up, and the extension's socket to it. */
async function connect(serverWindowBits: number) {
  const http = createServer();
  const wss = new WebSocketServer({
    server: http,
    perMessageDeflate: { serverNoContextTakeover: true, clientNoContextTakeover: true, serverMaxWindowBits: serverWindowBits },
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  servers.push({ close: () => (wss.close(), http.close()) });
  const accepted = once(wss, "connection") as Promise<[WebSocket, IncomingMessage]>;
  const ws = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}/channel`, { perMessageDeflate: channelPerMessageDeflate });
  const upgraded = once(ws, "upgrade") as Promise<[IncomingMessage]>;
  const [[serverSide, req], [res]] = await Promise.all([accepted, upgraded, once(ws, "open")]);
  return { ws, serverSide, req, res };
}

describe("the extension's permessage-deflate offer", () => {
  it("is accepted whatever window the devserver keeps for itself, and asks for no context and a 2 KiB window of its own", async () => {
    for (const bits of [9, 11, 15]) {
      const { ws, res } = await connect(bits);
      const params = String(res.headers["sec-websocket-extensions"]).split(";").map((p) => p.trim());
      expect(params).toEqual(expect.arrayContaining(["permessage-deflate", "client_no_context_takeover", "client_max_window_bits=11", `server_max_window_bits=${bits}`]));
      ws.close();
    }
  });

  it("receives a large frame compressed and sends a large request compressed, both intact", async () => {
    const { ws, serverSide, req, res } = await connect(11);
    const tree = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ id: i, type: "Text", key: `row-${i}` })));
    const before = res.socket.bytesRead;
    const received = once(ws, "message");
    serverSide.send(tree);
    expect(String((await received)[0])).toBe(tree);
    expect(res.socket.bytesRead - before).toBeLessThan(tree.length / 4);

    const request = JSON.stringify({ type: "get-props", ids: Array.from({ length: 500 }, (_, i) => i) });
    const sentBefore = req.socket.bytesRead;
    const got = once(serverSide, "message");
    ws.send(request);
    expect(String((await got)[0])).toBe(request);
    expect(req.socket.bytesRead - sentBefore).toBeLessThan(request.length / 2);
    ws.close();
  });
});
