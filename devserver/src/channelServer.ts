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
  /**
   * The token tools must show. Default: a new random one. Given, a restarted channel server on the
   * same port takes back the tools that had the old one (their reconnection succeeds).
   */
  token?: string;
  /** Largest recording a page may upload (dropped on the inspector), in bytes. Default 64 MiB. */
  maxRecordingBytes?: number;
}

/**
 * Channel frames under this many characters go uncompressed: on loopback, deflating the steady
 * stream of small frames (rows, ops, chains: ~1 KB per app event) cost the app's process more
 * CPU than serializing them, to save bytes nobody pays for. A big tree snapshot or backlog
 * (a 10,000-control tree is 533 KiB, 67 KiB deflated) still goes compressed.
 */
const COMPRESS_FRAMES_FROM = 32 * 1024;

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
  const token = options.token ?? randomBytes(24).toString("base64url");
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
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    if (path === "/recordings") return void receiveRecording(req, res);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/check-token") {
      // The inspector page asks when its channel is refused: a browser learns nothing from a
      // refused upgrade, and "weft dev restarted with another token" needs saying.
      res.writeHead(tokenMatches(url.searchParams.get("token")) ? 204 : 401, { "cache-control": "no-store" }).end();
      return;
    }
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

  /**
   * A recording dropped on the inspector page: POSTed with the token in `x-weft-token` (a page
   * of another site has no token, and its Origin is refused too), read like `weft inspect`
   * reads a file (plain or gzip), and opened as an ended session every tool lists.
   */
  const maxRecordingBytes = options.maxRecordingBytes ?? 64 * 1024 * 1024;
  const receiveRecording = (req: IncomingMessage, res: ServerResponse) => {
    const answer = (status: number, body: object) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
    };
    if (req.method !== "POST") return answer(405, { error: "POST a recording here" });
    if (!originAllowed(req.headers.origin)) return answer(403, { error: `origin ${req.headers.origin} may not upload` });
    const given = req.headers["x-weft-token"];
    if (!tokenMatches(typeof given === "string" ? given : null)) return answer(401, { error: "missing or wrong token (x-weft-token)" });
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > maxRecordingBytes) {
      req.resume();
      return answer(413, { error: `the recording is ${declared} bytes; the inspector takes up to ${maxRecordingBytes} (maxRecordingBytes)` });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxRecordingBytes) over = true;
      else chunks.push(chunk);
    });
    req.on("error", () => answer(400, { error: "the upload broke off" }));
    req.on("end", () => {
      if (over) return answer(413, { error: `the recording is over ${maxRecordingBytes} bytes (maxRecordingBytes)` });
      const name = decodeURIComponent(String(req.headers["x-weft-file"] ?? "dropped recording"));
      options.hub.openRecording(Buffer.concat(chunks), name).then(
        (session) => answer(200, { session }),
        (err: unknown) => answer(400, { error: err instanceof Error ? err.message : String(err), code: (err as { code?: unknown }).code ?? "FAILED" }),
      );
    });
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
        send: (text) => ws.send(text, { compress: text.length >= COMPRESS_FRAMES_FROM }),
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
