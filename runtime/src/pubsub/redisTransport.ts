import { randomBytes } from "node:crypto";
import type { Redis, RedisOptions } from "ioredis";
import { decodeEnvelope, encodeEnvelope } from "./envelopeCodec.ts";
import type { PubSubEnvelope, PubSubTransport, PubSubTransportState, PubSubTransportStats } from "./pubsubHub.ts";

/** How `redisPubSub(url, options)` carries `page.pubsub` between processes (docs/scaling.md). */
export interface RedisPubSubOptions {
  /**
   * The Redis channel every process of the app publishes on and listens to. Default
   * `weft:pubsub`. Two apps sharing a Redis need two channels: pubsub channels are global to a
   * Redis server (the `/db` of the URL does not separate them).
   */
  channel?: string;
  /**
   * Most publishes handed to Redis and not yet acknowledged. Past it (Redis answers too slowly
   * to keep up), messages reach this process's sessions only and are counted as dropped, so a
   * stalled Redis cannot make the process hold messages without bound. Default 10,000.
   */
  maxPending?: number;
  /** Longest wait between two reconnect attempts, in ms (the waits double up to it). Default 5,000. */
  maxRetryDelayMs?: number;
  /** Where the one warning of an outage and the line of its end go. Default `console`. */
  log?: Pick<Console, "warn" | "log">;
}

/** The Redis transport of `page.pubsub`: what `redisPubSub(url)` returns. */
export interface RedisPubSub extends PubSubTransport {
  /** The URL without its password, as the logs show it. */
  readonly url: string;
  /** The Redis channel the app's processes share (`--redis-channel`; default "weft:pubsub"). */
  readonly channel: string;
  connect(): Promise<void>;
  close(): Promise<void>;
  /** The connection's state and the envelopes sent and received. */
  stats(): PubSubTransportStats;
}

/**
 * `page.pubsub` across every process of an app, through Redis's PUBLISH/SUBSCRIBE:
 *
 * ```ts
 * createWeftServer({ main, pubsub: redisPubSub("redis://redis:6379") });
 * ```
 *
 * - A process delivers its own sessions' messages to its own subscribers at once (no round trip
 *   through Redis), and sends them on one channel; the other processes deliver what they
 *   receive. A process skips its own envelopes when Redis echoes them, and `sendOthers` skips the
 *   sending session by id, so a message sent to others never comes back to its sender.
 * - Order per sender: a process publishes on one connection and reads on one, and Redis keeps
 *   the order of each connection's messages, so every process sees one sender's messages in the
 *   order they were sent.
 * - Redis away: publishing never waits for it (a handler is never slowed by the network). Each
 *   process keeps serving its sessions, delivers within itself, says so once, reconnects with
 *   backoff and crosses processes again by itself. Messages sent meanwhile are not kept for the
 *   others: like Redis's pubsub itself, delivery is at most once (counted in `/metrics`).
 *
 * The client (ioredis) is imported by `connect()`: an app that never uses Redis never loads it.
 */
export function redisPubSub(url: string, options: RedisPubSubOptions = {}): RedisPubSub {
  return new RedisTransport(url, options);
}

/** The name the logs show for a Redis URL: without its password. */
export function redactRedisUrl(url: string): string {
  const parsed = parseRedisUrl(url);
  if (!parsed) return url;
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

function parseRedisUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === "redis:" || parsed.protocol === "rediss:" ? parsed : null;
}

/** How long `connect()` waits for the first attempt to succeed or fail. */
const FIRST_ATTEMPT_MS = 3000;

class RedisTransport implements RedisPubSub {
  readonly url: string;
  readonly channel: string;
  /** Tells this process's envelopes from the others' when Redis sends them back. */
  private readonly processId = randomBytes(9).toString("base64url");
  private readonly receivers = new Set<(envelope: PubSubEnvelope) => void>();
  private readonly maxPending: number;
  private readonly maxRetryDelayMs: number;
  private readonly log: Pick<Console, "warn" | "log">;
  private pub: Redis | null = null;
  private sub: Redis | null = null;
  private pubReady = false;
  private subscribed = false;
  private attempted = false;
  private closed = false;
  private state: PubSubTransportState = "connecting";
  private lastError = "";
  private pending = 0;
  private readonly figures = { sent: 0, received: 0, dropped: 0, reconnects: 0 };
  private droppedWhileDown = 0;
  private warnedMalformed = false;
  private connecting: Promise<void> | null = null;
  private settle: (() => void) | null = null;

  constructor(
    private readonly rawUrl: string,
    options: RedisPubSubOptions,
  ) {
    if (!parseRedisUrl(rawUrl)) {
      throw new TypeError(`redisPubSub needs a Redis URL (redis://host:6379, rediss:// for TLS), got ${JSON.stringify(rawUrl)} (weft run: --redis)`);
    }
    this.url = redactRedisUrl(rawUrl);
    this.channel = options.channel ?? "weft:pubsub";
    if (this.channel === "") throw new TypeError("redisPubSub's channel may not be empty");
    this.maxPending = options.maxPending ?? 10_000;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 5000;
    this.log = options.log ?? console;
  }

  publish(envelope: PubSubEnvelope): void {
    const text = encodeEnvelope(envelope, this.processId);
    for (const deliver of this.receivers) deliver(envelope);
    const pub = this.pub;
    if (!pub || this.state !== "up" || this.pending >= this.maxPending) {
      this.dropped();
      return;
    }
    this.pending++;
    pub.publish(this.channel, text).then(
      () => {
        this.pending--;
        this.figures.sent++;
      },
      // The connection dropped with the command in flight: its 'close' says the rest.
      () => {
        this.pending--;
        this.dropped();
      },
    );
  }

  onEnvelope(deliver: (envelope: PubSubEnvelope) => void): () => void {
    this.receivers.add(deliver);
    return () => this.receivers.delete(deliver);
  }

  connect(): Promise<void> {
    this.connecting ??= this.start();
    return this.connecting;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.state = "closed";
    this.settle?.();
    await Promise.all([this.pub, this.sub].map((client) => client && quit(client)));
  }

  stats(): PubSubTransportStats {
    return { state: this.state, ...this.figures };
  }

  private async start(): Promise<void> {
    const mod = (await import("ioredis")) as unknown as { Redis?: typeof Redis; default: typeof Redis };
    const RedisClient = mod.Redis ?? mod.default;
    if (this.closed) return;
    const settled = new Promise<void>((resolve) => (this.settle = resolve));
    const options: RedisOptions = {
      lazyConnect: true,
      // Nothing waits for Redis: a command while it is away fails at once (and the message
      // stays within the process), instead of queueing without bound.
      enableOfflineQueue: false,
      // A publish in flight when the connection dropped may or may not have reached Redis:
      // sending it again could deliver it twice, out of order.
      autoResendUnfulfilledCommands: false,
      maxRetriesPerRequest: 0,
      // The subscriber subscribes itself on each 'ready', to know when delivery is back.
      autoResubscribe: false,
      retryStrategy: (times) => this.retryDelay(times),
    };
    this.pub = new RedisClient(this.rawUrl, { ...options, connectionName: `weft-pub-${this.processId}` });
    this.sub = new RedisClient(this.rawUrl, { ...options, connectionName: `weft-sub-${this.processId}` });
    this.watch(this.pub, (ready) => (this.pubReady = ready));
    this.watch(this.sub, (ready) => {
      if (!ready) this.subscribed = false;
      else this.subscribe();
    });
    this.sub.on("message", (channel: string, text: string) => this.receive(channel, text));
    // A failed first attempt is not an error of the app's: the clients retry with backoff. A
    // server waits for it before listening, but not for long (an address that never answers
    // takes ioredis's 10 s connect timeout to fail): past FIRST_ATTEMPT_MS it goes on connecting.
    void Promise.allSettled([this.pub.connect(), this.sub.connect()]);
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, FIRST_ATTEMPT_MS).unref())]);
  }

  private watch(client: Redis, ready: (ready: boolean) => void): void {
    client.on("ready", () => {
      ready(true);
      this.update();
    });
    client.on("error", (err: Error) => {
      this.lastError = err.message || (err as { code?: string }).code || String(err);
      this.attempted = true;
      this.update();
    });
    client.on("close", () => {
      ready(false);
      this.attempted = true;
      this.update();
    });
  }

  private subscribe(): void {
    this.sub?.subscribe(this.channel).then(
      () => {
        this.subscribed = true;
        this.update();
      },
      (err: Error) => {
        this.lastError = err.message;
        this.attempted = true;
        this.update();
      },
    );
  }

  /** Recomputes the state from both connections; an outage is said once, and its end once. */
  private update(): void {
    if (this.closed) return;
    const before = this.state;
    const up = this.pubReady && this.subscribed;
    const after: PubSubTransportState = up ? "up" : before === "connecting" && !this.attempted ? "connecting" : "down";
    if (after === before) return;
    this.state = after;
    if (after === "up") {
      if (before === "down") {
        this.figures.reconnects++;
        const missed = this.droppedWhileDown ? ` (${this.droppedWhileDown} sent meanwhile reached this process's sessions only)` : "";
        this.log.log(`weft: pubsub reached Redis at ${this.url} again; messages cross processes again${missed}`);
      }
      this.droppedWhileDown = 0;
      this.settle?.();
    } else if (after === "down") {
      const why = this.lastError ? ` (${this.lastError})` : "";
      this.log.warn(
        before === "connecting"
          ? `weft: pubsub cannot reach Redis at ${this.url}${why}; messages reach this process's sessions only until it can. Retrying with backoff.`
          : `weft: pubsub lost Redis at ${this.url}${why}; messages reach this process's sessions only until it is back. Reconnecting with backoff.`,
      );
      this.settle?.();
    }
  }

  private receive(channel: string, text: string): void {
    if (channel !== this.channel || this.closed) return;
    const decoded = decodeEnvelope(text);
    if (!decoded.ok) {
      if (!this.warnedMalformed) {
        this.warnedMalformed = true;
        this.log.warn(`weft: pubsub ignored a message on the Redis channel ${JSON.stringify(this.channel)} that is not weft's (${decoded.reason}); does another program publish there?`);
      }
      return;
    }
    if (decoded.processId === this.processId) return; // delivered here when it was sent
    this.figures.received++;
    // ioredis calls this from its socket's data handler: nothing may throw back into it.
    for (const deliver of this.receivers) {
      try {
        deliver(decoded.envelope);
      } catch (err) {
        this.log.warn(`weft: pubsub failed delivering a message from another process: ${(err as Error)?.message ?? String(err)}`);
      }
    }
  }

  private dropped(): void {
    this.figures.dropped++;
    if (this.state !== "up") this.droppedWhileDown++;
  }

  /** 100 ms, 200 ms, 400 ms … up to `maxRetryDelayMs`, each ±25% so processes do not retry in step. */
  private retryDelay(times: number): number | null {
    if (this.closed) return null;
    const base = Math.min(100 * 2 ** Math.min(times - 1, 16), this.maxRetryDelayMs);
    return Math.round(base * (0.75 + Math.random() * 0.5));
  }
}

/** QUIT lets Redis send what it holds for us first; a client that is not connected is just stopped. */
async function quit(client: Redis): Promise<void> {
  if (client.status !== "ready") return client.disconnect();
  const timer = new Promise<void>((resolve) => setTimeout(resolve, 1000).unref());
  await Promise.race([client.quit().then(() => {}, () => {}), timer]);
  client.disconnect();
}
