import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type PerMessageDeflateOptions, type WebSocket } from "ws";
import { Connection } from "../session/connection.ts";
import type { SessionManager } from "../session/sessionManager.ts";
import { perMessageDeflateOptions, tuneSocketCompression } from "./compression.ts";
import type { AccessGate } from "./accessGate.ts";

export interface SocketEndpointOptions {
  path: string;
  maxMessageBytes: number;
  /** Origins allowed besides the page's own (the Host the request was sent to). */
  allowedOrigins: readonly string[];
  /** ws's permessage-deflate settings, or false for none. Default: `perMessageDeflateOptions()` (on, with the default limits). */
  perMessageDeflate?: PerMessageDeflateOptions | false;
  /** A further check of each upgrade (a desktop window's token). */
  gate?: AccessGate;
}

/**
 * Attaches the app's WebSocket endpoint (`/ws`) to an HTTP server. Returns a function that
 * closes every socket and resolves once they are gone.
 */
export function attachSocketEndpoint(server: Server, manager: SessionManager, options: SocketEndpointOptions): () => Promise<void> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: options.perMessageDeflate ?? perMessageDeflateOptions() });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname !== options.path) return; // someone else's upgrade (the devserver's channel)
    // Cross-site WebSocket hijacking: a page on another site could open this socket with the
    // user's browser. Browsers always send Origin; accept only the page's own host.
    const origin = req.headers.origin;
    if (origin && !isSameOrigin(origin, req.headers.host) && !options.allowedOrigins.includes(origin)) {
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n\r\nweft: origin ${origin} may not open this app's socket\n`);
      return;
    }
    const refused = options.gate?.refuseUpgrade(req);
    if (refused) {
      socket.end(`HTTP/1.1 ${refused.status} ${refused.status === 409 ? "Conflict" : "Forbidden"}\r\nContent-Type: text/plain\r\n\r\nweft: ${refused.message}\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req));
  };

  const accept = (ws: WebSocket, req: IncomingMessage) => {
    tuneSocketCompression(ws);
    const connection = new Connection(
      manager,
      {
        send: (text) => ws.send(text),
        close: (code, reason) => ws.close(code, reason),
      },
      { ip: req.socket.remoteAddress ?? "", userAgent: req.headers["user-agent"] },
    );
    ws.on("message", (data, isBinary) => {
      if (isBinary) return connection.close(4000, "weft frames are JSON text, not binary");
      connection.receive(data.toString());
    });
    // ws closes the socket itself on a frame above maxPayload (1009) or a broken frame, then
    // emits 'error': the session just waits for a resume, like any dropped connection.
    ws.on("error", () => connection.closedByPeer());
    ws.on("close", (code) => connection.closedByPeer(code));
  };

  server.on("upgrade", onUpgrade);
  return () =>
    new Promise<void>((resolve) => {
      server.off("upgrade", onUpgrade);
      for (const ws of wss.clients) ws.terminate();
      wss.close(() => resolve());
    });
}

function isSameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
