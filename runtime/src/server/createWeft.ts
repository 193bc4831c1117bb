import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Server as NetServer } from "node:net";
import type { Duplex } from "node:stream";
import { hook } from "../hook.ts";
import type { HostedApp } from "../hostedApp.ts";
import type { PubSubTransport } from "../pubsub/pubsubHub.ts";
import { useNodeSessionContext } from "../session/nodeSessionContext.ts";
import { defaultOptions, type WeftOptions } from "../session/options.ts";
import type { AppMain, Session } from "../session/session.ts";
import { SessionManager } from "../session/sessionManager.ts";
import type { AccessGate } from "./accessGate.ts";
import { checkAssetsDir, createAssetHandler } from "./assetFiles.ts";
import { basePrefix, normalizeBasePath, renderIndexHtml } from "./basePath.ts";
import { perMessageDeflateOptions } from "./compression.ts";
import { answerDraining } from "./health.ts";
import type { RequestTarget } from "./requestTarget.ts";
import { answer, createRequestGuard, refuseUpgrade, type RequestListener, type UpgradeRoutes } from "./requestGuard.ts";
import { attachSocketEndpoint } from "./socketEndpoint.ts";
import { createStaticHandler, rendererDir } from "./staticFiles.ts";

/** What `createWeft(main, options)` takes: where the app is mounted, who may reach it, and any session limit (`WeftOptions`). */
export interface WeftAppOptions extends Partial<WeftOptions> {
  /** Where the app is mounted (`"/dashboard"`): its page, assets and socket (`/dashboard/ws`) hang under it. Default "/". */
  basePath?: string;
  /** A folder whose files are served at the app's root, as Flet's `assets_dir` (`assets/logo.png` at `<basePath>/logo.png`). */
  assetsDir?: string;
  /** Seconds a session waits for its tab after the connection drops (a refresh, a blip). Default 3600, as in Flet. */
  resumeWindow?: number;
  /**
   * Host names besides this machine's that may reach the app (`app.example`, `.example.com` for
   * every subdomain; `true`: any, behind a proxy that checks). Other Hosts get 403 (DNS rebinding).
   */
  allowedHosts?: readonly string[] | true;
  /** Origins besides the page's own that may open the app's socket. */
  allowedOrigins?: string[];
  /** How `page.pubsub` reaches the app's other processes (`redisPubSub(url)`); default: this process only. */
  pubsub?: PubSubTransport;
  /** The name the server listens on when it is not this machine's (`weft run --host app.lan`): accepted as a Host. */
  host?: string;
  /** HTML put before `</head>` of the app's page (`weft dev`'s overlay client). */
  injectHtml?: string;
  /** Who else may load the page and open the socket: a desktop window's token (`--view desktop`). */
  gate?: AccessGate;
  /**
   * Routes answered before the app's page and files, once the request passed the Host check
   * (weft's own server: `/healthz`, `/metrics`). Returns whether it answered.
   */
  routes?: (req: IncomingMessage, res: ServerResponse, target: RequestTarget) => boolean;
  /**
   * False while the host drains (server/drain.ts): new requests and upgrades get 503, which a
   * balancer retries on another process.
   */
  accepting?: () => boolean;
}

/** What `attach()` takes: a Node server (node:http, node:https; Express's `app.listen()`, `fastify.server`, Hono's `serve()`). */
export type AttachableServer = Pick<NetServer, "on" | "off" | "once" | "listeners" | "address" | "listening">;

/** An app mounted in a host's server (`createWeft`). */
export interface WeftApp extends HostedApp {
  /**
   * The `(req, res, next)` middleware that serves the app's page and files under its base path:
   * `app.use("/dashboard", dashboard.handler)` (Express, Fastify's middie), or called from a
   * node:http listener or a Hono route. A request outside the base path goes to `next` (404
   * without one).
   */
  readonly handler: RequestListener;
  /**
   * Takes the WebSocket upgrades to `<basePath>/ws` on `server`, beside its other upgrade
   * listeners: an upgrade to another path is left to them. Returns the undo.
   */
  attach(server: AttachableServer): () => void;
  /** The app's live sessions, by id (read them; `close()` ends them). */
  readonly sessions: ReadonlyMap<string, Session>;
  /** The app's socket routes under its base path (the devserver adds its overlay's beside `/ws`). */
  readonly upgrades: UpgradeRoutes;
  /**
   * Stops the app: no new page or socket is accepted (503), every session's `onClose` runs (and
   * what it started settles), each tab's socket is closed with 1001 so the tab says so, and
   * timers stop. Resolves when all that is done; the host's server is the host's to close.
   */
  close(reason?: string): Promise<void>;
}

/** Upgrades some weft app of the process took or refused: how the last weft listener of a server knows nobody did. */
const answeredUpgrades = new WeakSet<IncomingMessage>();
/** Each server's weft upgrade listeners. */
const weftListeners = new WeakMap<object, Set<Function>>();
/** The app serving each session manager now: when the devserver hands a manager to a new app, the old one retires. */
const appOfManager = new WeakMap<SessionManager, { retire(): void }>();

/**
 * An app mounted in a server the user owns (Flet's `flet.fastapi.app`): a middleware for its
 * page and files, a WebSocket endpoint on the host's server and port, and a `close()` for the
 * host's shutdown. `weft run` serves its app through this too (server.ts).
 *
 * ```ts
 * const dashboard = createWeft(main, { basePath: "/dashboard" });
 * app.use("/dashboard", dashboard.handler);
 * dashboard.attach(app.listen(3000));
 * process.once("SIGTERM", () => dashboard.close());
 * ```
 */
export function createWeft(main: AppMain, options: WeftAppOptions = {}): WeftApp {
  const basePath = normalizeBasePath(options.basePath);
  const adoption = hook.appHost?.adopt({ basePath, main });
  useNodeSessionContext();
  const limits: Partial<WeftOptions> = { ...limitsOf(options), ...(options.resumeWindow !== undefined ? { resumeWindowMs: options.resumeWindow * 1000 } : {}), ...adoption?.options };
  const served = adoption?.main ?? main;
  const manager = adoption?.manager ?? new SessionManager(served, limits, options.pubsub);
  manager.main = served;
  appOfManager.get(manager)?.retire();

  const guard = createRequestGuard({ host: options.host ?? "", allowedHosts: options.allowedHosts, allowedOrigins: options.allowedOrigins, basePath });
  const injectHtml = `${options.injectHtml ?? ""}${adoption?.injectHtml ?? ""}`;
  const assets = options.assetsDir !== undefined ? createAssetHandler(checkAssetsDir(options.assetsDir)) : undefined;
  const renderer = createStaticHandler({
    dir: rendererDir(),
    spaFallback: true,
    immutable: (path) => path.startsWith("/_weft/"),
    renderIndex: (html) => renderIndexHtml(html, basePath, injectHtml),
    ...(assets ? { orElse: assets } : {}),
  });
  const gate = options.gate;
  let closing: Promise<void> | null = null;
  const accepting = options.accepting ?? (() => true);
  const guarded = guard.http((req, res, target) => {
    if (options.routes?.(req, res, target)) return;
    if (!accepting()) return answerDraining(req, res);
    if (closing) return answer(res, 503, "weft: this app was closed");
    if (gate?.handleRequest(req, res)) return;
    return renderer(req, res, target);
  });
  const handler: RequestListener = (req, res, next) => {
    const misplaced = misplacedMount(req, basePath);
    if (misplaced) return answer(res, 500, `weft: ${misplaced}`);
    guarded(req, res, next);
  };

  const upgrades = guard.upgrades({ exclusive: false });
  const closeSockets = attachSocketEndpoint(upgrades, manager, {
    path: "/ws",
    maxMessageBytes: manager.options.maxMessageBytes,
    heartbeatMs: manager.options.heartbeatMs,
    perMessageDeflate: perMessageDeflateOptions(manager.options),
    ...(gate ? { gate } : {}),
    accepting,
  });
  // Publishing never waits for the transport (local delivery goes on while it connects): the
  // connection is started here and ended by close(); a host may await connect() itself first.
  options.pubsub?.connect?.().catch((err: unknown) => console.error("weft: pubsub could not connect:", err));

  const detachers = new Set<() => void>();
  const urls: string[] = [];
  const attach = (server: AttachableServer): (() => void) => {
    const listener = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (answeredUpgrades.has(req)) return;
      if (closing && isUnderBase(req.url, basePath)) {
        answeredUpgrades.add(req);
        return refuseUpgrade(socket, 503, "weft: this app was closed");
      }
      if (upgrades.listener(req, socket, head)) return void answeredUpgrades.add(req);
      // Nobody else will: every upgrade listener of this server is a weft app's, and this is the last.
      const all = server.listeners("upgrade");
      const ours = weftListeners.get(server);
      if (all[all.length - 1] === listener && all.every((l) => ours?.has(l))) {
        socket.on("error", () => socket.destroy());
        refuseUpgrade(socket, 404, `weft: no WebSocket endpoint at ${(req.url ?? "").split("?")[0]}`);
      }
    };
    const mine = weftListeners.get(server) ?? new Set();
    weftListeners.set(server, mine.add(listener));
    server.on("upgrade", listener);
    const onListening = () => {
      const url = urlOf(server.address(), "setSecureContext" in server ? "https" : "http", basePath);
      if (url && !urls.includes(url)) urls.push(url);
    };
    if (server.listening) onListening();
    else server.once("listening", onListening);
    const detach = () => {
      server.off("upgrade", listener);
      server.off("listening", onListening);
      mine.delete(listener);
      detachers.delete(detach);
    };
    detachers.add(detach);
    return detach;
  };

  const app: WeftApp = {
    basePath,
    manager,
    urls,
    handler,
    attach,
    upgrades,
    get sessions() {
      return manager.sessions;
    },
    close(reason = "the app was closed") {
      closing ??= (async () => {
        const sessions = [...manager.sessions.values()];
        manager.closeAll(reason);
        await closeSockets(reason);
        // onClose handlers may be async (saving what the session held): wait for them.
        await Promise.all(sessions.map((session) => session.idle()));
        // Last: an onClose may still publish.
        await manager.pubsub.close();
        forget();
      })();
      return closing;
    },
  };

  const forget = () => {
    if (!hook.apps.delete(app)) return;
    if (hook.active) hook.emit({ type: "app-close", app });
  };
  appOfManager.set(manager, {
    // The devserver gave this app's sessions to a new one (weft dev re-ran the server module):
    // this one's sockets keep serving them until they close; it takes nothing new.
    retire: () => {
      for (const detach of [...detachers]) detach();
      forget();
    },
  });
  hook.apps.add(app);
  if (hook.active) hook.emit({ type: "app-open", app });
  adoption?.adopted?.(app);
  return app;
}

function isUnderBase(url: string | undefined, basePath: string): boolean {
  const path = (url ?? "").split("?")[0]!;
  const prefix = basePrefix(basePath);
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * The mistake a framework's mount makes silent: `app.use("/dashboard", handler)` for an app
 * created without `basePath: "/dashboard"` would serve a page whose socket and assets point at
 * `/`. The framework strips its mount path from `req.url` and keeps the whole URL in
 * `originalUrl`; the part it stripped must be the base path (or nothing, `app.use(handler)`).
 */
function misplacedMount(req: IncomingMessage, basePath: string): string | undefined {
  const original = (req as IncomingMessage & { originalUrl?: string }).originalUrl;
  if (original === undefined || original === req.url) return undefined;
  const whole = original.split("?")[0]!;
  const rest = (req.url ?? "/").split("?")[0]!;
  const mountedAt = rest === "/" && !whole.endsWith("/") ? whole : whole.endsWith(rest) ? whole.slice(0, whole.length - rest.length) : undefined;
  if (mountedAt === undefined || mountedAt === "" || mountedAt === basePrefix(basePath)) return undefined;
  return (
    `this app is mounted at ${JSON.stringify(mountedAt)}, but its basePath is ${JSON.stringify(basePath)}, ` +
    `so its page would look for its socket and files in the wrong place. Pass createWeft(main, { basePath: ${JSON.stringify(mountedAt)} }).`
  );
}

/** The app's page on a listening server: `http://127.0.0.1:3000/dashboard/`. */
function urlOf(address: AddressInfo | string | null, scheme: string, basePath: string): string | undefined {
  if (!address || typeof address === "string") return undefined;
  const host = address.address === "::" || address.address === "0.0.0.0" ? "localhost" : address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `${scheme}://${host}:${address.port}${basePrefix(basePath)}/`;
}

/** The session limits among the options (the rest is the mount's own). */
function limitsOf(options: WeftAppOptions): Partial<WeftOptions> {
  const limits: Record<string, unknown> = {};
  for (const name of Object.keys(defaultOptions) as (keyof WeftOptions)[]) if (options[name] !== undefined) limits[name] = options[name];
  return limits as Partial<WeftOptions>;
}
