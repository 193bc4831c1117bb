import type { IncomingMessage } from "node:http";
import { WebSocketServer, type PerMessageDeflateOptions, type WebSocket } from "ws";
import { CloseCode, isRoutingKey, ROUTING_KEY_MAX, ROUTING_KEY_PARAM } from "@weft/protocol";
import { Connection } from "../session/connection.ts";
import type { SessionManager } from "../session/sessionManager.ts";
import { answersPing, startHeartbeat } from "./heartbeat.ts";
import { refuseUpgrade, type UpgradeRoutes } from "./requestGuard.ts";
import { perMessageDeflateOptions, tuneSocketCompression } from "./compression.ts";
import type { AccessGate } from "./accessGate.ts";
import { outsideCallerContext } from "./callerContext.ts";
import { pageRequestOf } from "./request.ts";

export interface SocketEndpointOptions {
  path: string;
  maxMessageBytes: number;
  /** Ping every socket this often; 0: never (see heartbeat.ts). */
  heartbeatMs: number;
  /** ws's permessage-deflate settings, or false for none. Default: `perMessageDeflateOptions()` (on, with the default limits). */
  perMessageDeflate?: PerMessageDeflateOptions | false;
  /** A further check of each upgrade (a desktop window's token). */
  gate?: AccessGate;
  /** False while the server drains: upgrades get 503, which a balancer retries on another process. */
  accepting?: () => boolean;
}

/** Closes every socket of the endpoint (1001 with `reason`, so tabs can say why) and resolves once they are gone. */
export type CloseSockets = (reason?: string) => Promise<void>;

/** How long a socket has to finish its closing handshake before it is ended anyway. */
const CLOSE_GRACE_MS = 1000;

/**
 * The app's WebSocket endpoint (`/ws`), one route of the server's guarded upgrades (the guard
 * has checked the path, Host and Origin).
 */
export function attachSocketEndpoint(upgrades: UpgradeRoutes, manager: SessionManager, options: SocketEndpointOptions): CloseSockets {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: options.perMessageDeflate ?? perMessageDeflateOptions() });
  const stopHeartbeat = startHeartbeat(wss, options.heartbeatMs);

  const remove = upgrades.add(options.path, (req, socket, head, target) => {
    if (options.accepting && !options.accepting()) return refuseUpgrade(socket, 503, "weft: this server is draining (shutting down); connect again to reach another one");
    const routingKey = target.query.get(ROUTING_KEY_PARAM) ?? undefined;
    if (routingKey !== undefined && !isRoutingKey(routingKey)) {
      return refuseUpgrade(socket, 400, `weft: the ?${ROUTING_KEY_PARAM}= routing key must be 1–${ROUTING_KEY_MAX} characters of [A-Za-z0-9_-]`);
    }
    const refused = options.gate?.refuseUpgrade(req);
    if (refused) return refuseUpgrade(socket, refused.status, `weft: ${refused.message}`);
    wss.handleUpgrade(req, socket, head, (ws) =>
      outsideCallerContext(() => {
        wss.emit("connection", ws, req);
        accept(ws, req, routingKey);
      }),
    );
  });

  const accept = (ws: WebSocket, req: IncomingMessage, routingKey: string | undefined) => {
    tuneSocketCompression(ws);
    const connection = new Connection(
      manager,
      {
        send: (text) => ws.send(text),
        close: (code, reason) => ws.close(code, reason),
        isAlive: (timeoutMs) => answersPing(ws, timeoutMs),
      },
      { ip: req.socket.remoteAddress ?? "", userAgent: req.headers["user-agent"], request: pageRequestOf(req), ...(routingKey !== undefined ? { routingKey } : {}) },
    );
    // The socket's events come in the context of the code that started the server: see callerContext.ts.
    ws.on("message", (data, isBinary) =>
      outsideCallerContext(() => {
        if (isBinary) return connection.close(CloseCode.ProtocolError, "weft frames are JSON text, not binary");
        connection.receive(data.toString());
      }),
    );
    // ws closes the socket itself on a frame above maxPayload (1009) or a broken frame, then
    // emits 'error': the session just waits for a resume, like any dropped connection.
    ws.on("error", () => outsideCallerContext(() => connection.closedByPeer()));
    ws.on("close", (code) => outsideCallerContext(() => connection.closedByPeer(code)));
  };

  return (reason) =>
    new Promise<void>((resolve) => {
      remove();
      stopHeartbeat();
      const grace = setTimeout(() => {
        for (const ws of wss.clients) ws.terminate();
      }, CLOSE_GRACE_MS);
      grace.unref();
      for (const ws of wss.clients) {
        if (reason === undefined) ws.terminate();
        else ws.close(CloseCode.GoingAway, reason.slice(0, 120));
      }
      wss.close(() => {
        clearTimeout(grace);
        resolve();
      });
    });
}
