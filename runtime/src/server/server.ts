import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { AppMain } from "../session/session.ts";
import type { SessionManager } from "../session/sessionManager.ts";
import { createWeft, type WeftApp, type WeftAppOptions } from "./createWeft.ts";
import { handleProcessErrors } from "./processErrors.ts";
import type { UpgradeRoutes } from "./requestGuard.ts";

export interface WeftServerOptions extends Omit<WeftAppOptions, "basePath" | "host"> {
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
}

export interface WeftServer {
  /** The app's URL, e.g. http://127.0.0.1:8550/ */
  readonly url: string;
  readonly port: number;
  /** The app it serves (what `createWeft` makes: weft's own server is one more host of it). */
  readonly app: WeftApp;
  readonly manager: SessionManager;
  readonly http: Server;
  /** The server's WebSocket routes (`/ws`), to add one beside it (the devserver's overlay). */
  readonly upgrades: UpgradeRoutes;
  /** Closes every session and socket; resolves once the port is free. */
  close(): Promise<void>;
}

/**
 * Serves an app on a server of its own: `weft run`, `weft dev`, `run(main)`. A thin host of
 * `createWeft` at the root path, so a mounted app and a served one take one code path.
 */
export async function createWeftServer(options: WeftServerOptions): Promise<WeftServer> {
  const host = options.host ?? "127.0.0.1";
  const undoProcessErrors = options.handleProcessErrors ? handleProcessErrors() : () => {};
  const { main, port: wantedPort, handleProcessErrors: _ownsProcess, ...appOptions } = options;
  let app: WeftApp;
  try {
    app = createWeft(main, { ...appOptions, host, basePath: "/" });
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
    await app.close();
    undoProcessErrors();
    throw err;
  }
  // Later errors of the listening socket (EMFILE when out of file descriptors) are the server's
  // to report: without a listener they would end the process.
  http.on("error", (err) => console.error("weft: the app's server:", err));
  const port = (http.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    app,
    manager: app.manager,
    http,
    upgrades: app.upgrades,
    async close() {
      await app.close("server stopped");
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
      undoProcessErrors();
    },
  };
}
