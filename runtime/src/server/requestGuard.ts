import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { stackOf } from "../thrownValue.ts";
import { createHostCheck, isOriginAllowed, type HostRules, type OriginRules } from "./hostCheck.ts";
import { parseRequestTarget, type RequestTarget } from "./requestTarget.ts";

/** Which hosts and origins a guard lets in, its name in refusals and the mount path. */
export interface RequestGuardOptions extends HostRules, OriginRules {
  /** Who answers, at the start of every refusal: "weft", "weft devserver". */
  name?: string;
  /** Where the app is mounted; handlers see paths below it. Default "/". */
  basePath?: string;
}

/** A handler behind the guard: the request passed every check, its target is parsed. */
export type GuardedRequestHandler = (req: IncomingMessage, res: ServerResponse, target: RequestTarget) => void | Promise<void>;

/** The `(req, res, next?)` shape node:http, Express, Connect and Fastify's middie all call. */
export type RequestListener = (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => void;

/** An upgrade behind the guard: checked like a request, for one path. */
export type GuardedUpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer, target: RequestTarget) => void;

/** The WebSocket upgrade paths of a server, each behind the guard. */
export interface UpgradeRoutes {
  /** Takes upgrades to `path` (below the base path). Returns the undo. */
  add(path: string, handler: GuardedUpgradeHandler): () => void;
  /** For `server.on("upgrade", …)`. Returns whether it answered the upgrade (false: another listener's). */
  readonly listener: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;
}

/** What `createRequestGuard` returns: wrappers that give every request and upgrade an answer. */
export interface RequestGuard {
  /**
   * Wraps a handler so that whatever arrives gets an answer and nothing it throws reaches the
   * process: 400 for a target that is not a clean path, 403 for a foreign Host or Origin, 405 for
   * another method, 500 (with a reference into the log) when the handler throws or rejects.
   * With `next` (a mount), a path outside the base path is passed on instead of answered.
   */
  http(handler: GuardedRequestHandler, options?: { methods?: readonly string[] }): RequestListener;
  /**
   * One `upgrade` listener for a server, routing by path, with the same checks as `http`. When
   * `exclusive` (a server weft owns, the default), an upgrade to a path no route takes is
   * answered 404; otherwise it is left for the server's other listeners (a mount beside others).
   */
  upgrades(options?: { exclusive?: boolean }): UpgradeRoutes;
}

interface Refusal {
  status: number;
  message: string;
}

/**
 * The one front door of every weft HTTP server (`weft run`'s and `weft dev`'s app server, the
 * devserver's inspector port): each request and upgrade is checked step by step, each check
 * with its own status and a message that names the option to change (ws's handleUpgrade, Vite's
 * hostCheck), and the handler behind it runs inside a catch-all.
 */
export function createRequestGuard(options: RequestGuardOptions): RequestGuard {
  const name = options.name ?? "weft";
  const basePath = options.basePath ?? "/";
  const hostAllowed = createHostCheck(options);

  const check = (req: IncomingMessage): Refusal | null => {
    const host = req.headers.host;
    if (!hostAllowed(host)) {
      const hostname = (host ?? "").replace(/:\d+$/, "");
      return {
        status: 403,
        message:
          `blocked request: this host (${JSON.stringify(hostname)}) is not allowed. ` +
          `To allow it, add ${JSON.stringify(hostname)} to allowedHosts in createWeftServer() options, or pass --allowed-hosts ${hostname} to weft run / weft dev.`,
      };
    }
    const origin = req.headers.origin;
    if (!isOriginAllowed(origin, host, options)) {
      return {
        status: 403,
        message: `blocked request from the page at ${origin}, which is another site than this server's. To allow it, add it to allowedOrigins in the server's options.`,
      };
    }
    return null;
  };

  const failed = (err: unknown, what: string): string => {
    const ref = randomBytes(6).toString("base64url");
    console.error(`${name}: internal error while answering ${what} [ref ${ref}]:\n${stackOf(err)}`);
    return `internal error (reference ${ref})`;
  };

  return {
    http(handler, { methods = ["GET", "HEAD"] } = {}) {
      return (req, res, next) => {
        // Express, Connect and Fastify's middie strip the mount path from `req.url` and keep
        // the whole one in `originalUrl`: the base path is matched against the whole one.
        const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url;
        const parsed = parseRequestTarget(url, basePath);
        if (!parsed.ok) {
          // Beside other routes, what is not under the base path is theirs, however odd.
          if (next && (parsed.status === 404 || !isUnder(url, basePath))) return next();
          return answer(res, parsed.status, `${name}: ${parsed.message}`);
        }
        const refusal = check(req);
        if (refusal) return answer(res, refusal.status, `${name}: ${refusal.message}`);
        if (!methods.includes(req.method ?? "")) return answer(res, 405, `${name}: method ${req.method} is not served here`, { allow: methods.join(", ") });
        const fail = (err: unknown) => {
          const message = failed(err, `${req.method} ${parsed.target.rawPath}`);
          if (!res.headersSent) answer(res, 500, `${name}: ${message}`);
          else res.destroy();
        };
        try {
          const result = handler(req, res, parsed.target);
          if (result) result.catch(fail);
        } catch (err) {
          fail(err);
        }
      };
    },

    upgrades({ exclusive = true } = {}) {
      const routes = new Map<string, GuardedUpgradeHandler>();
      const listener = (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
        const parsed = parseRequestTarget(req.url, basePath);
        // Beside other upgrade listeners, what is not ours is left untouched: not answered, not
        // destroyed, no listener added (a mount shares its server with the host's own sockets).
        if (!exclusive && (parsed.ok ? !routes.has(parsed.target.path) : parsed.status === 404 || !isUnder(req.url, basePath))) return false;
        // Node removes its own error listener from an upgrading socket: without one, a client
        // resetting the connection while we answer would be an uncaught exception.
        socket.on("error", () => socket.destroy());
        if (!parsed.ok) {
          refuseUpgrade(socket, parsed.status, `${name}: ${parsed.message}`);
          return true;
        }
        const route = routes.get(parsed.target.path);
        if (!route) {
          refuseUpgrade(socket, 404, `${name}: no WebSocket endpoint at ${parsed.target.rawPath}`);
          return true;
        }
        const refusal = check(req);
        if (refusal) {
          refuseUpgrade(socket, refusal.status, `${name}: ${refusal.message}`);
          return true;
        }
        try {
          route(req, socket, head, parsed.target);
        } catch (err) {
          refuseUpgrade(socket, 500, `${name}: ${failed(err, `the upgrade to ${parsed.target.rawPath}`)}`);
        }
        return true;
      };
      return {
        add(path, handler) {
          routes.set(path, handler);
          return () => {
            if (routes.get(path) === handler) routes.delete(path);
          };
        },
        listener,
      };
    },
  };
}

/** Whether a request target is the base path or below it (`/dashboard`, `/dashboard/…`), whatever else is wrong with it. */
function isUnder(url: string | undefined, basePath: string): boolean {
  if (basePath === "/") return true;
  const base = basePath.replace(/\/$/, "");
  const path = (url ?? "").split("?")[0]!;
  return path === base || path.startsWith(`${base}/`);
}

/** A plain-text answer; refusals close the connection, so a client that misbehaves starts over. */
export function answer(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  const body = Buffer.from(`${text}\n`);
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": body.length,
    "x-content-type-options": "nosniff",
    ...(status >= 400 ? { connection: "close" } : {}),
    ...headers,
  });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

const reasons: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 409: "Conflict", 500: "Internal Server Error", 503: "Service Unavailable" };

/** Answers an upgrade we do not take with a status and a reason, then closes the socket. */
export function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  if (socket.destroyed) return;
  const body = Buffer.from(`${text}\n`);
  socket.end(
    `HTTP/1.1 ${status} ${reasons[status] ?? "Error"}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
  );
}
