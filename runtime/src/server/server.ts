import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultServerLimits, type ServerLimits, type SessionOptions } from "../session/options.ts";
import type { AppMain } from "../session/session.ts";
import { SessionManager } from "../session/sessionManager.ts";
import type { AccessGate } from "./accessGate.ts";
import { attachSocketEndpoint } from "./socketEndpoint.ts";
import { createStaticHandler, rendererDir } from "./staticFiles.ts";

export interface WeftServerOptions extends Partial<SessionOptions>, Partial<ServerLimits> {
  /** The app's `main(page)`. */
  main: AppMain;
  /** Default 8550 (Flet's); 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: reachable from this machine only, unless told otherwise. */
  host?: string;
  /** Origins besides the app's own that may open its socket. */
  allowedOrigins?: string[];
  /** HTML injected before `</head>` of the page (used by `weft dev`). */
  injectHtml?: string;
  /** Who else may load the page and open the socket: a desktop window's token (`--view desktop`). */
  gate?: AccessGate;
}

export interface WeftServer {
  /** The app's URL, e.g. http://127.0.0.1:8550/ */
  readonly url: string;
  readonly port: number;
  readonly manager: SessionManager;
  readonly http: Server;
  /** Closes every session and socket; resolves once the port is free. */
  close(): Promise<void>;
}

/** Serves an app: the renderer over HTTP and the protocol over WebSocket at `/ws`. */
export async function createWeftServer(options: WeftServerOptions): Promise<WeftServer> {
  const host = options.host ?? "127.0.0.1";
  const manager = new SessionManager(options.main, options);
  const serveStatic = createStaticHandler({ dir: rendererDir(), injectHtml: options.injectHtml });
  const gate = options.gate;
  const http = createServer(gate ? (req, res) => gate.handleRequest(req, res) || serveStatic(req, res) : serveStatic);
  const closeSockets = attachSocketEndpoint(http, manager, {
    path: "/ws",
    maxMessageBytes: options.maxMessageBytes ?? defaultServerLimits.maxMessageBytes,
    allowedOrigins: options.allowedOrigins ?? [],
    ...(gate ? { gate } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 8550, host, () => {
      http.off("error", reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    manager,
    http,
    async close() {
      manager.closeAll("server stopped");
      await closeSockets();
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
    },
  };
}
