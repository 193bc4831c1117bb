import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { useNodeSessionContext } from "../session/nodeSessionContext.ts";
import type { WeftOptions } from "../session/options.ts";
import type { AppMain } from "../session/session.ts";
import { SessionManager } from "../session/sessionManager.ts";
import { perMessageDeflateOptions } from "./compression.ts";
import { handleProcessErrors } from "./processErrors.ts";
import { createRequestGuard, type UpgradeRoutes } from "./requestGuard.ts";
import type { AccessGate } from "./accessGate.ts";
import { attachSocketEndpoint } from "./socketEndpoint.ts";
import { createStaticHandler, rendererDir } from "./staticFiles.ts";

/** What `createWeftServer` takes: the app, where to listen, and any of the session and server limits (`WeftOptions`). */
export interface WeftServerOptions extends Partial<WeftOptions> {
  /** The app's `main(page)`. */
  main: AppMain;
  /** Default 8550 (Flet's); 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: reachable from this machine only, unless told otherwise. */
  host?: string;
  /**
   * Host names besides this machine's that may reach the app (`app.example`, `.example.com`
   * for every subdomain; `true`: any). Requests naming another Host get 403 (DNS rebinding).
   */
  allowedHosts?: readonly string[] | true;
  /** Origins besides the app's own that may open its socket and send it requests. */
  allowedOrigins?: string[];
  /** HTML injected before `</head>` of the page (used by `weft dev`). */
  injectHtml?: string;
  /**
   * Take over the process's `unhandledRejection` and `uncaughtException`: an app's async
   * failure is reported to the session that scheduled it and the process keeps serving; only a
   * failure outside every session ends it (server/processErrors.ts). For the program that owns
   * the process (`weft run` does this); off by default, since a library must not take a
   * process's handlers uninvited.
   */
  handleProcessErrors?: boolean;
  /** Who else may load the page and open the socket: a desktop window's token (`--view desktop`). */
  gate?: AccessGate;
}

/** A running weft server (`createWeftServer`). */
export interface WeftServer {
  /** The app's URL, e.g. http://127.0.0.1:8550/ */
  readonly url: string;
  readonly port: number;
  readonly manager: SessionManager;
  readonly http: Server;
  /** The server's WebSocket routes (`/ws`), to add one beside it (the devserver's overlay). */
  readonly upgrades: UpgradeRoutes;
  /** Closes every session and socket; resolves once the port is free. */
  close(): Promise<void>;
}

/** Serves an app: the renderer over HTTP and the protocol over WebSocket at `/ws`. */
export async function createWeftServer(options: WeftServerOptions): Promise<WeftServer> {
  const host = options.host ?? "127.0.0.1";
  useNodeSessionContext();
  const undoProcessErrors = options.handleProcessErrors ? handleProcessErrors() : () => {};
  const manager = new SessionManager(options.main, options);
  const guard = createRequestGuard({ host, allowedHosts: options.allowedHosts, allowedOrigins: options.allowedOrigins });
  const serveStatic = createStaticHandler({
    dir: rendererDir(),
    spaFallback: true,
    immutable: (path) => path.startsWith("/_weft/"),
    injectHtml: options.injectHtml,
  });
  const gate = options.gate;
  const http = createServer(guard.http(gate ? (req, res, target) => (gate.handleRequest(req, res) ? undefined : serveStatic(req, res, target)) : serveStatic));
  const upgrades = guard.upgrades();
  http.on("upgrade", upgrades.listener);
  const closeSockets = attachSocketEndpoint(upgrades, manager, {
    path: "/ws",
    maxMessageBytes: manager.options.maxMessageBytes,
    heartbeatMs: manager.options.heartbeatMs,
    perMessageDeflate: perMessageDeflateOptions(manager.options),
    ...(gate ? { gate } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 8550, host, () => {
      http.off("error", reject);
      resolve();
    });
  });
  // Later errors of the listening socket (EMFILE when out of file descriptors) are the server's
  // to report: without a listener they would end the process.
  http.on("error", (err) => console.error("weft: the app's server:", err));
  const port = (http.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    manager,
    http,
    upgrades,
    async close() {
      manager.closeAll("server stopped");
      await closeSockets();
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
      undoProcessErrors();
    },
  };
}
