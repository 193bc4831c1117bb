import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { createRequestGuard, createStaticHandler, perMessageDeflateOptions, refuseUpgrade, startHeartbeat, tuneSocketCompression, type GuardedRequestHandler } from "weft/server";
import { Channel, ChannelCloseCode, isDroppable, type ClientMessage, type ServerMessage } from "@weft/protocol/channel";
import type { Hub } from "./hub.ts";
import { FRAME_INTERVALS, isAnswer } from "./channelFrames.ts";
import { inspectorDist, placeholderPage } from "./inspectorPage.ts";

export interface ChannelServerOptions {
  hub: Hub;
  /** Default 127.0.0.1: the channel shows the app's internals, so it stays on this machine unless told otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Host names besides this machine's that may reach the inspector (as the app's `allowedHosts`). */
  allowedHosts?: readonly string[] | true;
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
  /** Ping each tool's socket this often, ending the ones that stopped answering. Default 30 s. */
  heartbeatMs?: number;
  /** Largest recording a page may upload (dropped on the inspector), in bytes. Default 64 MiB. */
  maxRecordingBytes?: number;
}

/**
 * Which frames a tool gets deflated: none for a tool on this machine, whatever their size.
 * On loopback a byte costs the kernel a copy, while zlib costs the app's process (its thread
 * pool, and two thread hops per frame) ≈ 5 µs per app event of the 16 ms frames a watching
 * tool gets (~1 KB of rows, ops and chains per event), a third of what attaching a tool cost
 * (bench/inspector.ts); a 10,000-control tree snapshot (533 KiB) takes 3 ms to deflate, more
 * than the inspector waits for its bytes. A tool on another machine (`--inspector-host`) gets
 * frames of `COMPRESS_FRAMES_FROM` characters and more deflated (a snapshot shrinks 8×); the
 * steady stream of small frames still goes as it is there.
 */
const COMPRESS_FRAMES_FROM = 32 * 1024;
export function compressFrame(chars: number, loopback: boolean): boolean {
  return !loopback && chars >= COMPRESS_FRAMES_FROM;
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
 * (`--host 0.0.0.0`). It sits behind the same request guard as the app (weft/server): a clean
 * path, Host one of this machine's names or an allowed one (a DNS-rebinding page sends its own,
 * and listening on 0.0.0.0 changes nothing about that), Origin this server's own or a VS Code
 * webview's (`vscode-webview://`, which a web page cannot claim). Then the channel needs the
 * token from the printed URL: 401 otherwise.
 */
export async function startChannelServer(options: ChannelServerOptions): Promise<ChannelServer> {
  const host = options.host ?? "127.0.0.1";
  const token = options.token ?? randomBytes(24).toString("base64url");
  const tokenBytes = Buffer.from(token);
  const maxFrameBytes = options.maxFrameBytes ?? 1024 * 1024;
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes, perMessageDeflate: perMessageDeflateOptions({ compression: options.compression }) });
  // A tool gone without a FIN (a suspended laptop running VS Code) would stay a hub member.
  const stopHeartbeat = startHeartbeat(wss, options.heartbeatMs ?? 30_000);
  const dist = inspectorDist();
  const guard = createRequestGuard({
    name: "weft devserver",
    host,
    allowedHosts: options.allowedHosts,
    allowedOrigins: options.allowedOrigins,
    allowOrigin: (origin) => origin.startsWith("vscode-webview://"),
  });
  const tokenMatches = (given: string | null) => {
    if (!given) return false;
    const bytes = Buffer.from(given);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

  // Until the inspector is built, its URL shows a placeholder that proves the channel works.
  const placeholder: GuardedRequestHandler = (req, res, { path }) => {
    if (path !== "/" && path !== "/index.html") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`not found: ${path}\n`);
      return;
    }
    const nonce = randomBytes(16).toString("base64");
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'`,
      "referrer-policy": "no-referrer",
    });
    res.end(req.method === "HEAD" ? undefined : placeholderPage(nonce));
  };
  const files = dist ? createStaticHandler({ dir: dist, immutable: (path) => path.startsWith("/assets/") }) : placeholder;

  /**
   * A recording dropped on the inspector page: POSTed with the token in `x-weft-token` (a page
   * of another site has no token, and the guard refuses its Origin too), read like `weft inspect`
   * reads a file (plain or gzip), and opened as an ended session every tool lists.
   */
  const maxRecordingBytes = options.maxRecordingBytes ?? 64 * 1024 * 1024;
  const receiveRecording = (req: IncomingMessage, res: ServerResponse) => {
    const answer = (status: number, body: object) => {
      if (!res.headersSent) res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
    };
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
      let name = "dropped recording";
      try {
        name = decodeURIComponent(String(req.headers["x-weft-file"] ?? name));
      } catch {
        // a malformed name is only a label
      }
      options.hub.openRecording(Buffer.concat(chunks), name).then(
        (session) => answer(200, { session }),
        (err: unknown) => answer(400, { error: err instanceof Error ? err.message : String(err), code: (err as { code?: unknown }).code ?? "FAILED" }),
      );
    });
  };

  const page: GuardedRequestHandler = (req, res, target) => {
    if (target.path === "/recordings") {
      if (req.method !== "POST") return void res.writeHead(405, { allow: "POST" }).end();
      return receiveRecording(req, res);
    }
    if (req.method === "POST") return void res.writeHead(405, { allow: "GET, HEAD" }).end();
    if (target.path === "/check-token") {
      // The inspector page asks when its channel is refused: a browser learns nothing from a
      // refused upgrade, and "weft dev restarted with another token" needs saying.
      return void res.writeHead(tokenMatches(target.query.get("token")) ? 204 : 401, { "cache-control": "no-store" }).end();
    }
    return files(req, res, target);
  };

  const upgrades = guard.upgrades();
  upgrades.add("/channel", (req, socket, head, { query }) => {
    if (!tokenMatches(query.get("token"))) {
      return refuseUpgrade(socket, 401, "weft channel: missing or wrong token; use the Inspector URL weft dev printed, or the token in .weft/devserver-<pid>.json");
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      wss.emit("connection", ws, req);
      accept(ws, req);
    });
  });

  const accept = (ws: WebSocket, req: IncomingMessage) => {
    tuneSocketCompression(ws);
    const loopback = isLoopback(req.socket.remoteAddress);
    const channel = new Channel<ServerMessage, ClientMessage>(
      {
        send: (text) => ws.send(text, { compress: compressFrame(text.length, loopback) }),
        sendPieces: (pieces) => {
          const frame = Buffer.concat(pieces.map((piece) => (typeof piece === "string" ? Buffer.from(piece) : piece)));
          ws.send(frame, { binary: false, compress: compressFrame(frame.length, loopback) });
        },
        close: (code, reason) => ws.close(code, reason),
        get bufferedAmount() {
          return ws.bufferedAmount;
        },
      },
      {
        maxFrameChars: maxFrameBytes,
        isDroppable,
        droppedMessage: (count) => ({ type: "dropped", count }),
        // A click's reaction reaches the tool within a display frame; a busy session's traffic in
        // frames of FRAME_INTERVALS.busyMs (docs/channel.md "Frames and versions").
        minFrameIntervalMs: FRAME_INTERVALS.minMs,
        busyFrameIntervalMs: FRAME_INTERVALS.busyMs,
        isUrgent: isAnswer,
      },
    );
    const disconnect = options.hub.connect(channel, { loopback });
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

  const http: Server = createServer(guard.http(page, { methods: ["GET", "HEAD", "POST"] }));
  http.on("upgrade", upgrades.listener);
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 0, host, () => {
      http.off("error", reject);
      resolve();
    });
  });
  http.on("error", (err) => console.error("weft devserver: the inspector's server:", err));
  const port = (http.address() as AddressInfo).port;
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return {
    token,
    port,
    inspectorUrl: `http://${shown}:${port}/?token=${token}`,
    channelUrl: `ws://${shown}:${port}/channel`,
    async close() {
      stopHeartbeat();
      options.hub.closeAll();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
    },
  };
}

/** 127.0.0.0/8 and ::1 (also as IPv4-mapped IPv6): the inspector's console answers only these. */
function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4.startsWith("127.") || address === "::1";
}
