import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { AppMain } from "../session/session.ts";
import type { SessionManager } from "../session/sessionManager.ts";
import { createWeft, type WeftApp, type WeftAppOptions } from "./createWeft.ts";
import { createDrain, type Drain, type DrainOptions, type DrainReport } from "./drain.ts";
import { createHealthHandler } from "./health.ts";
import type { MetricsOptions, ServerMetrics } from "./metrics.ts";
import { handleProcessErrors } from "./processErrors.ts";
import type { UpgradeRoutes } from "./requestGuard.ts";

/** What `createWeftServer` takes: the app, where to listen, and any of the session and server limits (`WeftOptions`). */
export interface WeftServerOptions extends Omit<WeftAppOptions, "basePath" | "host" | "routes" | "accepting"> {
  /** The app's `main(page)`. */
  main: AppMain;
  /** Default 8550 (Flet's); 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: reachable from this machine only, unless told otherwise. */
  host?: string;
  /**
   * Take over the process's `unhandledRejection` and `uncaughtException`: an app's async
   * failure is reported to the session that scheduled it and the process keeps serving; only a
   * failure outside every session ends it (server/processErrors.ts). For the program that owns
   * the process (`weft run` does this); off by default, since a library must not take a
   * process's handlers uninvited.
   */
  handleProcessErrors?: boolean;
  /**
   * Serve `/metrics` (Prometheus's text format): to this machine, or to whoever sends the
   * token. Off by default.
   */
  metrics?: boolean | MetricsOptions;
}

/** A running weft server (`createWeftServer`). */
export interface WeftServer {
  /** The app's URL, e.g. http://127.0.0.1:8550/ */
  readonly url: string;
  /** The port it listens on (the one picked when asked for port 0). */
  readonly port: number;
  /** The app it serves (what `createWeft` makes: weft's own server is one more host of it). */
  readonly app: WeftApp;
  /** The app's sessions: `server.manager.sessions.size` is how many tabs it holds. */
  readonly manager: SessionManager;
  /** The Node HTTP server underneath, to add routes beside the app or read its address. */
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

/**
 * Serves an app on a server of its own: `weft run`, `weft dev`, `run(main)`. A thin host of
 * `createWeft` at the root path, so a mounted app and a served one take one code path; what a
 * process of its own adds is here: `/healthz`, `/metrics` and the drain.
 */
export async function createWeftServer(options: WeftServerOptions): Promise<WeftServer> {
  const host = options.host ?? "127.0.0.1";
  const undoProcessErrors = options.handleProcessErrors ? handleProcessErrors() : () => {};
  const { main, port: wantedPort, handleProcessErrors: _ownsProcess, metrics: metricsOption, ...appOptions } = options;
  // The routes below need the app's session manager, which createWeft makes: bound just after.
  let drain: Drain | undefined;
  let metrics: ServerMetrics | null = null;
  const accepting = () => !drain?.draining;
  const health = createHealthHandler(accepting);
  let app: WeftApp;
  try {
    app = createWeft(main, {
      ...appOptions,
      host,
      basePath: "/",
      accepting,
      routes: (req, res, target) => health(req, res, target) || (metrics?.handle(req, res, target) ?? false),
    });
    // prom-client is loaded only for a server that serves metrics.
    if (metricsOption) metrics = (await import("./metrics.ts")).createMetrics({ manager: app.manager, accepting }, metricsOption === true ? {} : metricsOption);
    app.manager.meter = metrics?.meter ?? null;
    // A process whose Redis is away still serves: this waits for the first attempt only.
    await options.pubsub?.connect?.();
  } catch (err) {
    undoProcessErrors();
    throw err;
  }
  const http = createServer((req, res) => app.handler(req, res));
  app.attach(http);
  try {
    await new Promise<void>((resolve, reject) => {
      http.once("error", reject);
      http.listen(wantedPort ?? 8550, host, () => {
        http.off("error", reject);
        resolve();
      });
    });
  } catch (err) {
    await app.close(); // it ends pubsub too: a Redis connection would keep the process alive
    undoProcessErrors();
    throw err;
  }
  // Later errors of the listening socket (EMFILE when out of file descriptors) are the server's
  // to report: without a listener they would end the process.
  http.on("error", (err) => console.error("weft: the app's server:", err));
  const port = (http.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await app.close("server stopped");
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
      undoProcessErrors();
    })());
  const serverDrain = createDrain({ manager: app.manager, close });
  drain = serverDrain;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    app,
    manager: app.manager,
    http,
    upgrades: app.upgrades,
    close,
    drain: (drainOptions) => serverDrain.drain(drainOptions),
    get draining() {
      return serverDrain.draining;
    },
  };
}
