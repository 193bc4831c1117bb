import { randomBytes, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { perMessageDeflateOptions, tuneSocketCompression } from "weft/server";
import { Channel, ChannelCloseCode, isDroppable, type ClientMessage, type ServerMessage } from "@weft/protocol/channel";
import type { Hub } from "./hub.ts";
import { inspectorDist, placeholderPage } from "./inspectorPage.ts";

export interface ChannelServerOptions {
  hub: Hub;
  /** Default 127.0.0.1: the channel shows the app's internals, so it stays on this machine unless told otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Origins besides the server's own that may open the channel. */
  allowedOrigins?: readonly string[];
  /** Largest frame accepted from a tool, in bytes. Default 1 MiB. */
  maxFrameBytes?: number;
  /**
   * permessage-deflate with tools that offer it (the inspector in Chromium, the VS Code
   * extension), set up as the app's socket is: a 10,000-control tree snapshot shrinks 8×,
   * small frames go as they are, and an idle tool's socket holds no zlib stream. Default true.
   */
  compression?: boolean;
}

export interface ChannelServer {
  readonly token: string;
  /** The inspector page, with the token: what `weft dev` prints. */
  readonly inspectorUrl: string;
  /** The channel's WebSocket URL, without the token (append `?token=…`). */
  readonly channelUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

/**
 * The devserver's own HTTP server: the inspector page and the devtools channel (`/channel`).
 * Separate from the app's server so it can stay on loopback while the app is served to a phone
 * (`--host 0.0.0.0`). Every request is checked step by step, each check with its own status and
 * message (ws's handleUpgrade style):
 * - Host must be a name of this machine: a DNS-rebinding page (evil.example resolving to
 *   127.0.0.1) sends its own Host, and gets 403 (the class of bug Vite fixed in its dev server).
 * - Origin, when present, must be this server's own, or an allowed one (VS Code webviews use
 *   `vscode-webview://`, which a web page cannot claim): a foreign page gets 403.
 * - The token from the printed URL must match: 401 otherwise.
 */
export async function startChannelServer(options: ChannelServerOptions): Promise<ChannelServer> {
  const host = options.host ?? "127.0.0.1";
  const token = randomBytes(24).toString("base64url");
  const tokenBytes = Buffer.from(token);
  const maxFrameBytes = options.maxFrameBytes ?? 1024 * 1024;
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes, perMessageDeflate: perMessageDeflateOptions({ compression: options.compression }) });
  const dist = inspectorDist();
  let port = 0;

  const hostNames = new Set(["127.0.0.1", "localhost", "[::1]", "::1", host.includes(":") ? `[${host}]` : host]);
  const hostAllowed = (header: string | undefined) => {
    if (!header) return false;
    const name = header.startsWith("[") ? header.slice(0, header.indexOf("]") + 1) : header.split(":")[0]!;
    return hostNames.has(name) || (host === "0.0.0.0" || host === "::");
  };
  const originAllowed = (origin: string | undefined) => {
    if (!origin) return true; // not a browser page (the VS Code extension host, a test)
    if (origin.startsWith("vscode-webview://")) return true;
    if (options.allowedOrigins?.includes(origin)) return true;
    try {
      const url = new URL(origin);
      return (url.protocol === "http:" || url.protocol === "https:") && hostNames.has(url.hostname.includes(":") ? `[${url.hostname}]` : url.hostname) && Number(url.port) === port;
    } catch {
      return false;
    }
  };
  const tokenMatches = (given: string | null) => {
    if (!given) return false;
    const bytes = Buffer.from(given);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

  const handleRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req.headers.host)) {
      res.writeHead(403, { "content-type": "text/plain" }).end(`weft devserver: host '${req.headers.host ?? ""}' is not this machine; open the URL weft dev printed\n`);
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/" || path === "/index.html") {
      if (dist) return void serveFile(res, join(dist, "index.html"));
      const nonce = randomBytes(16).toString("base64");
      const body = placeholderPage(nonce);
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "content-security-policy": `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'`,
        "referrer-policy": "no-referrer",
      });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    if (dist) {
      const file = normalize(join(dist, decodeURIComponent(path)));
      if (file.startsWith(dist + sep)) return void serveFile(res, file);
    }
    res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${path}\n`);
  };

  const refuse = (socket: Duplex, status: string, message: string) => {
    socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nweft channel: ${message}\n`);
  };

  const handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname !== "/channel") return refuse(socket, "404 Not Found", `no WebSocket endpoint at ${url.pathname}; the channel is /channel`);
    if (!hostAllowed(req.headers.host)) return refuse(socket, "403 Forbidden", `host '${req.headers.host ?? ""}' is not this machine`);
    if (!originAllowed(req.headers.origin)) {
      return refuse(socket, "403 Forbidden", `origin ${req.headers.origin} may not connect; open the inspector from the URL weft dev printed`);
    }
    if (!tokenMatches(url.searchParams.get("token"))) {
      return refuse(socket, "401 Unauthorized", "missing or wrong token; use the Inspector URL weft dev printed, or the token in .weft/devserver.json");
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => accept(ws, req));
  };

  const accept = (ws: WebSocket, req: IncomingMessage) => {
    tuneSocketCompression(ws);
    const channel = new Channel<ServerMessage, ClientMessage>(
      {
        send: (text) => ws.send(text),
        close: (code, reason) => ws.close(code, reason),
        get bufferedAmount() {
          return ws.bufferedAmount;
        },
      },
      // Frames at most every 16 ms: a busy session costs a tool one socket write per frame of its display.
      { maxFrameChars: maxFrameBytes, isDroppable, droppedMessage: (count) => ({ type: "dropped", count }), minFrameIntervalMs: 16 },
    );
    const disconnect = options.hub.connect(channel, { loopback: isLoopback(req.socket.remoteAddress) });
    ws.on("message", (data, isBinary) => {
      if (isBinary) return channel.close(ChannelCloseCode.BadFrame, "channel frames are JSON text, not binary");
      channel.receive(data.toString());
    });
    const gone = () => {
      channel.closedByPeer();
      disconnect();
    };
    ws.on("close", gone);
    ws.on("error", gone);
  };

  const http: Server = createServer(handleRequest);
  http.on("upgrade", handleUpgrade);
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 0, host, () => {
      http.off("error", reject);
      resolve();
    });
  });
  port = (http.address() as AddressInfo).port;
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return {
    token,
    port,
    inspectorUrl: `http://${shown}:${port}/?token=${token}`,
    channelUrl: `ws://${shown}:${port}/channel`,
    async close() {
      options.hub.closeAll();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
    },
  };
}

async function serveFile(res: ServerResponse, file: string): Promise<void> {
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "content-length": body.length });
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  }
}

/** 127.0.0.0/8 and ::1 (also as IPv4-mapped IPv6): the inspector's console answers only these. */
function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4.startsWith("127.") || address === "::1";
}
