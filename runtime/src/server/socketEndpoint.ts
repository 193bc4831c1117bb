import type { IncomingMessage } from "node:http";
import { WebSocketServer, type PerMessageDeflateOptions, type WebSocket } from "ws";
import { CloseCode } from "@weft/protocol";
import { Connection } from "../session/connection.ts";
import type { SessionManager } from "../session/sessionManager.ts";
import { answersPing, startHeartbeat } from "./heartbeat.ts";
import { refuseUpgrade, type UpgradeRoutes } from "./requestGuard.ts";
import { perMessageDeflateOptions, tuneSocketCompression } from "./compression.ts";
import type { AccessGate } from "./accessGate.ts";

export interface SocketEndpointOptions {
  path: string;
  maxMessageBytes: number;
  /** Ping every socket this often; 0: never (see heartbeat.ts). */
  heartbeatMs: number;
  /** ws's permessage-deflate settings, or false for none. Default: `perMessageDeflateOptions()` (on, with the default limits). */
  perMessageDeflate?: PerMessageDeflateOptions | false;
  /** A further check of each upgrade (a desktop window's token). */
  gate?: AccessGate;
}

/**
 * The app's WebSocket endpoint (`/ws`), one route of the server's guarded upgrades (the guard
 * has checked the path, Host and Origin). Returns a function that closes every socket and
 * resolves once they are gone.
 */
export function attachSocketEndpoint(upgrades: UpgradeRoutes, manager: SessionManager, options: SocketEndpointOptions): () => Promise<void> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: options.perMessageDeflate ?? perMessageDeflateOptions() });
  const stopHeartbeat = startHeartbeat(wss, options.heartbeatMs);

  const remove = upgrades.add(options.path, (req, socket, head) => {
    const refused = options.gate?.refuseUpgrade(req);
    if (refused) return refuseUpgrade(socket, refused.status, `weft: ${refused.message}`);
    wss.handleUpgrade(req, socket, head, (ws) => {
      wss.emit("connection", ws, req);
      accept(ws, req);
    });
  });

  const accept = (ws: WebSocket, req: IncomingMessage) => {
    tuneSocketCompression(ws);
    const connection = new Connection(
      manager,
      {
        send: (text) => ws.send(text),
        close: (code, reason) => ws.close(code, reason),
        isAlive: (timeoutMs) => answersPing(ws, timeoutMs),
      },
      { ip: req.socket.remoteAddress ?? "", userAgent: req.headers["user-agent"] },
    );
    ws.on("message", (data, isBinary) => {
      if (isBinary) return connection.close(CloseCode.ProtocolError, "weft frames are JSON text, not binary");
      connection.receive(data.toString());
    });
    // ws closes the socket itself on a frame above maxPayload (1009) or a broken frame, then
    // emits 'error': the session just waits for a resume, like any dropped connection.
    ws.on("error", () => connection.closedByPeer());
    ws.on("close", (code) => connection.closedByPeer(code));
  };

  return () =>
    new Promise<void>((resolve) => {
      remove();
      stopHeartbeat();
      for (const ws of wss.clients) ws.terminate();
      wss.close(() => resolve());
    });
}
