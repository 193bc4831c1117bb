import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { PubSubTransportState } from "../pubsub/pubsubHub.ts";
import type { SessionMeter } from "../session/meter.ts";
import type { SessionManager } from "../session/sessionManager.ts";
import type { RequestTarget } from "./requestTarget.ts";

export const METRICS_PATH = "/metrics";

/** Who may read `/metrics` (docs/scaling.md): this machine by default, others with the token. */
export interface MetricsOptions {
  /**
   * Lets a scraper on another machine in: it sends `Authorization: Bearer <token>`. Without
   * one, `/metrics` answers this machine only (loopback, not through a proxy). `weft run
   * --metrics` reads it from the environment, `WEFT_METRICS_TOKEN` (a command line is visible
   * to every user of the machine).
   */
  token?: string;
}

export interface MetricsSource {
  manager: SessionManager;
  /** False while the server drains. */
  accepting(): boolean;
}

export interface ServerMetrics {
  /** Answers `/metrics` (or refuses it); false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, target: RequestTarget): boolean;
  /** What the sessions report to. */
  readonly meter: SessionMeter;
  readonly registry: Registry;
}

const transportStates: PubSubTransportState[] = ["local", "connecting", "up", "down", "closed"];

/**
 * `/metrics` in Prometheus's text format, through prom-client (the client Prometheus's own docs
 * list for Node). Loaded only when metrics are turned on (`--metrics`), so a server without
 * them never loads prom-client. Every figure is the server's own registry, so two servers in
 * one process (two mounted apps) do not mix theirs.
 *
 * Counters that the runtime keeps anyway (pubsub's, the sessions) are read when scraped; the
 * ones of the hot path (events, handler times, patch bytes) are counted as they happen.
 */
export function createMetrics(source: MetricsSource, options: MetricsOptions = {}): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const { manager } = source;
  const pubsub = manager.pubsub;

  new Gauge({
    name: "weft_sessions",
    help: "Sessions in this process: connected (a tab is attached) and resuming (waiting for their tab)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      let connected = 0;
      let resuming = 0;
      for (const session of manager.sessions.values()) {
        if (session.state === "connected") connected++;
        else if (session.state === "resuming") resuming++;
      }
      this.set({ state: "connected" }, connected);
      this.set({ state: "resuming" }, resuming);
    },
  });
  new Gauge({
    name: "weft_accepting",
    help: "1 while the server takes new sessions, 0 while it drains",
    registers: [registry],
    collect() {
      this.set(source.accepting() ? 1 : 0);
    },
  });
  const events = new Counter({ name: "weft_events_total", help: "Browser events that reached a handler", registers: [registry] });
  const handlers = new Histogram({
    name: "weft_handler_duration_seconds",
    help: "Time from a handler's start (an event's, a pubsub message's, a page handler's) to the end of what it awaited",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const patches = new Counter({ name: "weft_patches_total", help: "Patch frames sent to browsers", registers: [registry] });
  const patchBytes = new Counter({ name: "weft_patch_bytes_total", help: "Bytes (UTF-8, before compression) of the patch frames sent to browsers", registers: [registry] });

  const pulled = (name: string, help: string, read: () => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  pulled("weft_pubsub_published_total", "Pubsub messages this process's sessions sent", () => pubsub.counts.published);
  pulled("weft_pubsub_delivered_total", "Pubsub handler calls in this process's sessions (each message once per subscriber)", () => pubsub.counts.delivered);
  pulled("weft_pubsub_remote_sent_total", "Pubsub messages sent to the other processes (through Redis)", () => pubsub.transportStats().sent);
  pulled("weft_pubsub_remote_received_total", "Pubsub messages received from the other processes", () => pubsub.transportStats().received);
  pulled("weft_pubsub_dropped_total", "Pubsub messages that reached this process's sessions only: the other processes were out of reach", () => pubsub.transportStats().dropped);
  pulled("weft_pubsub_reconnects_total", "Times pubsub lost Redis and reached it again", () => pubsub.transportStats().reconnects);
  new Gauge({
    name: "weft_pubsub_state",
    help: "Where pubsub's transport stands (1 for the current state): local (one process), connecting, up, down (Redis away: this process only), closed",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const now = pubsub.transportStats().state;
      for (const state of transportStates) this.set({ state }, state === now ? 1 : 0);
    },
  });

  const meter: SessionMeter = {
    event: () => events.inc(),
    handler: (seconds) => handlers.observe(seconds),
    patch: (bytes) => {
      patches.inc();
      patchBytes.inc(bytes);
    },
  };
  const allowed = createMetricsAccess(options.token);

  return {
    meter,
    registry,
    handle(req, res, target) {
      if (target.path !== METRICS_PATH) return false;
      const refusal = allowed(req);
      if (refusal) {
        res.writeHead(refusal.status, { "content-type": "text/plain; charset=utf-8", ...refusal.headers });
        res.end(req.method === "HEAD" ? undefined : `weft: ${refusal.message}\n`);
        return true;
      }
      void registry.metrics().then(
        (text) => {
          res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
          res.end(req.method === "HEAD" ? undefined : text);
        },
        (err: unknown) => {
          res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
          res.end(`weft: metrics failed: ${(err as Error)?.message ?? String(err)}\n`);
        },
      );
      return true;
    },
  };
}

export interface MetricsRefusal {
  status: 401 | 403;
  message: string;
  headers?: Record<string, string>;
}

/**
 * Who may read `/metrics`: a client on this machine that did not come through a proxy, or one
 * with the token. A proxy on the same machine (nginx in front of weft) connects from loopback
 * for every client of the internet, so a request carrying a proxy's forwarding headers is not
 * taken as local.
 */
export function createMetricsAccess(token: string | undefined): (req: IncomingMessage) => MetricsRefusal | null {
  const expected = token ? digest(token) : null;
  return (req) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1];
    if (expected && bearer !== undefined) {
      return timingSafeEqual(digest(bearer), expected) ? null : { status: 401, message: "wrong metrics token", headers: { "www-authenticate": "Bearer" } };
    }
    if (isLocalRequest(req)) return null;
    if (expected) return { status: 401, message: "/metrics needs the token: send Authorization: Bearer <token>", headers: { "www-authenticate": "Bearer" } };
    return {
      status: 403,
      message:
        "/metrics answers this machine only. To scrape it from elsewhere, give it a token: " +
        "WEFT_METRICS_TOKEN=<token> weft run --metrics, or createWeftServer({ metrics: { token } }), and send Authorization: Bearer <token>",
    };
  };
}

function isLocalRequest(req: IncomingMessage): boolean {
  const h = req.headers;
  if (h.forwarded !== undefined || h["x-forwarded-for"] !== undefined || h["x-real-ip"] !== undefined) return false;
  const address = req.socket.remoteAddress ?? "";
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

/** Equal-length values for timingSafeEqual, whatever the token's length. */
function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
