import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestTarget } from "./requestTarget.ts";

/** Where a balancer or an orchestrator asks whether this process takes sessions. */
export const HEALTH_PATH = "/healthz";

/**
 * `/healthz`: 200 `ok` while the server takes new sessions, 503 `draining` from the moment it
 * stops (SIGTERM, server/drain.ts), so a balancer's health check or a Kubernetes readiness probe
 * sends new tabs elsewhere. Redis being away does not make a process unhealthy: it still serves
 * its own sessions (docs/scaling.md). Returns whether it answered the request.
 */
export function createHealthHandler(accepting: () => boolean): (req: IncomingMessage, res: ServerResponse, target: RequestTarget) => boolean {
  return (req, res, target) => {
    if (target.path !== HEALTH_PATH) return false;
    const ok = accepting();
    answer(req, res, ok ? 200 : 503, ok ? "ok" : "draining");
    return true;
  };
}

/**
 * What a draining server answers a request for anything else: 503, which nginx (with
 * `proxy_next_upstream … http_503`) and other balancers take as "try another process".
 */
export function answerDraining(req: IncomingMessage, res: ServerResponse): void {
  answer(req, res, 503, "weft: this server is draining (shutting down); try again to reach another one", { "retry-after": "1", connection: "close" });
}

function answer(req: IncomingMessage, res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  const body = Buffer.from(`${text}\n`);
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": body.length,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...headers,
  });
  res.end(req.method === "HEAD" ? undefined : body);
}
