import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PubSubTransport } from "../pubsub/pubsubHub.ts";
import { useNodeSessionContext } from "../session/nodeSessionContext.ts";
import type { WeftOptions } from "../session/options.ts";
import type { AppMain } from "../session/session.ts";
import { SessionManager } from "../session/sessionManager.ts";
import { perMessageDeflateOptions } from "./compression.ts";
import { createDrain, type DrainOptions, type DrainReport } from "./drain.ts";
import { answerDraining, createHealthHandler } from "./health.ts";
import type { MetricsOptions } from "./metrics.ts";
import { handleProcessErrors } from "./processErrors.ts";
import { createRequestGuard, type UpgradeRoutes } from "./requestGuard.ts";
import type { AccessGate } from "./accessGate.ts";
import { attachSocketEndpoint } from "./socketEndpoint.ts";
import { createStaticHandler, rendererDir } from "./staticFiles.ts";

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
  /**
   * Carries `page.pubsub` between the processes of the app: `redisPubSub(url)` (docs/scaling.md).
   * Default: this process only. The server connects it before listening and closes it last.
   */
  pubsub?: PubSubTransport;
  /**
   * Serve `/metrics` (Prometheus's text format): to this machine, or to whoever sends the
   * token. Off by default.
   */
  metrics?: boolean | MetricsOptions;
}

export interface WeftServer {
  /** The app's URL, e.g. http://127.0.0.1:8550/ */
  readonly url: string;
  readonly port: number;
  readonly manager: SessionManager;
  readonly http: Server;
  /** The server's WebSocket routes (`/ws`), to add one beside it (the devserver's overlay). */
  readonly upgrades: UpgradeRoutes;
  /** Closes every session and socket, then pubsub's transport; resolves once the port is free. */
  close(): Promise<void>;
  /**
   * Stops gracefully (SIGTERM behind a balancer): `/healthz` says 503, the tabs are told to
   * reconnect (elsewhere), every session's `onClose` runs, pubsub's transport and the port are
   * closed, all within `timeoutMs` (server/drain.ts).
   */
  drain(options?: DrainOptions): Promise<DrainReport>;
  /** True once `drain()` started. */
  readonly draining: boolean;
}

/** Serves an app: the renderer over HTTP and the protocol over WebSocket at `/ws`. */
export async function createWeftServer(options: WeftServerOptions): Promise<WeftServer> {
  const host = options.host ?? "127.0.0.1";
  useNodeSessionContext();
  const undoProcessErrors = options.handleProcessErrors ? handleProcessErrors() : () => {};
  const manager = new SessionManager(options.main, options, options.pubsub);
  // A process whose Redis is away still serves: this waits for the first attempt only.
  await options.pubsub?.connect?.();
  let close: () => Promise<void> = async () => {};
  const drain = createDrain({ manager, close: () => close() });
  const accepting = () => !drain.draining;
  const health = createHealthHandler(accepting);
  // prom-client is loaded only for a server that serves metrics.
  const metrics = options.metrics ? (await import("./metrics.ts")).createMetrics({ manager, accepting }, options.metrics === true ? {} : options.metrics) : null;
  manager.meter = metrics?.meter ?? null;
  const guard = createRequestGuard({ host, allowedHosts: options.allowedHosts, allowedOrigins: options.allowedOrigins });
  const serveStatic = createStaticHandler({
    dir: rendererDir(),
    spaFallback: true,
    immutable: (path) => path.startsWith("/_weft/"),
    injectHtml: options.injectHtml,
  });
  const gate = options.gate;
  const http = createServer(
    guard.http((req, res, target) => {
      if (health(req, res, target) || metrics?.handle(req, res, target)) return;
      if (drain.draining) return answerDraining(req, res);
      if (gate?.handleRequest(req, res)) return;
      return serveStatic(req, res, target);
    }),
  );
  const upgrades = guard.upgrades();
  http.on("upgrade", upgrades.listener);
  const closeSockets = attachSocketEndpoint(upgrades, manager, {
    path: "/ws",
    maxMessageBytes: manager.options.maxMessageBytes,
    heartbeatMs: manager.options.heartbeatMs,
    perMessageDeflate: perMessageDeflateOptions(manager.options),
    ...(gate ? { gate } : {}),
    accepting,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      http.once("error", reject);
      http.listen(options.port ?? 8550, host, () => {
        http.off("error", reject);
        resolve();
      });
    });
  } catch (err) {
    await manager.pubsub.close(); // a Redis connection would keep the process alive
    undoProcessErrors();
    throw err;
  }
  // Later errors of the listening socket (EMFILE when out of file descriptors) are the server's
  // to report: without a listener they would end the process.
  http.on("error", (err) => console.error("weft: the app's server:", err));
  const port = (http.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  let closing: Promise<void> | null = null;
  close = () =>
    (closing ??= (async () => {
      manager.closeAll("server stopped");
      await closeSockets();
      await manager.pubsub.close();
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
      undoProcessErrors();
    })());
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    manager,
    http,
    upgrades,
    close: () => close(),
    drain: (drainOptions) => drain.drain(drainOptions),
    get draining() {
      return drain.draining;
    },
  };
}
