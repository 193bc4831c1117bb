import {
  CloseCode,
  PROTOCOL_VERSION,
  ROUTING_KEY_PARAM,
  fromRelativeIds,
  isRoutingKey,
  type ClientInfo,
  type ClientMessage,
  type ServerMessage,
} from "@weft/protocol";
import { basePath } from "./basePath.ts";
import type { StatusStore } from "./StatusStore.ts";
import { openWebSocket, type MessageSocket, type OpenSocket } from "./MessageSocket.ts";

/**
 * Where the session id lives: per tab, and it survives a refresh (sessionStorage). One key per
 * app (`weft:session`, or `weft:session:/dashboard/` for an app mounted there).
 */
export function sessionKeyFor(base: string): string {
  return base === "/" ? "weft:session" : `weft:session:${base}`;
}
/** Where the routing key lives (`?session=` of every upgrade URL: docs/scaling.md), beside the session id; one per tab, for all its apps. */
export const ROUTING_KEY_STORAGE = "weft:routing-key";

/** Reconnect backoff: the first retry waits this long, each next one twice as long… */
const RETRY_FIRST_MS = 500;
/** …up to this. */
const RETRY_MAX_MS = 5000;

type SessionStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface ConnectionOptions {
  /** Defaults to `ws(s)://<this host><basePath>/ws`, the app's endpoint. */
  url?: string;
  /**
   * Opens the link to the session: a WebSocket to `url` by default; a static build's Web Worker
   * (workerSocket.ts) in static mode. The protocol on top is the same.
   */
  open?: OpenSocket;
  status: StatusStore;
  /** Receives every well-formed server message, `registered` included. */
  onMessage: (message: ServerMessage) => void;
  /** What `register` says about the browser; read on every (re)connect. */
  clientInfo: () => ClientInfo;
  /** Keeps the session id; null when the browser forbids storage. */
  storage?: SessionStorage | null;
  /** The storage key of the session id: `sessionKeyFor(basePath())`; default the root app's. */
  sessionKey?: string;
}

/**
 * One link to the app's session (a WebSocket, or a static build's worker), re-opened with
 * backoff when it drops. Every connection starts with
 * `register`, carrying the stored session id so the server resumes the session (a refresh or a
 * network blip keeps the app's state). Messages are sent only once the server has answered with
 * `registered`; earlier ones are dropped, since they would name controls of a page not shown.
 */
export class Connection {
  private ws: MessageSocket | null = null;
  private registered = false;
  private everRegistered = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  /** Settles the promise `start()` returned, once the first attempt has been made. */
  private attempted: (() => void) | null = null;
  /** Why the server last went away (a 1001's reason), until it takes the tab again. */
  private goneReason: string | undefined;
  /** What every connection opens: the endpoint with `?session=<routing key>`. */
  readonly url: string;
  private readonly openSocket: OpenSocket;
  private readonly storage: SessionStorage | null;
  private readonly sessionKey: string;
  /**
   * Chosen before the first connection and kept in the tab, so a balancer hashing on it sends
   * every connection of this tab (a refresh included) to the process that holds its session.
   */
  readonly routingKey: string;
  /** Counters for the debug handle and benchmarks. */
  readonly stats = { sent: 0, received: 0, connects: 0 };

  constructor(private readonly options: ConnectionOptions) {
    this.openSocket = options.open ?? openWebSocket;
    this.storage = options.storage === undefined ? safeSessionStorage() : options.storage;
    this.sessionKey = options.sessionKey ?? sessionKeyFor("/");
    this.routingKey = this.keptRoutingKey();
    this.url = withRoutingKey(options.url ?? defaultUrl(), this.routingKey);
  }

  get sessionId(): string | null {
    try {
      return this.storage?.getItem(this.sessionKey) ?? null;
    } catch {
      return null;
    }
  }

  /** True while registered: events and props reach the server. */
  get isLive(): boolean {
    return this.registered && this.ws?.isOpen === true;
  }

  /**
   * Connects, and reconnects whenever the link drops. Resolves once the first attempt is made:
   * `register` has gone out, or the link failed. The renderer's entry waits for it before it
   * runs React's script, so the session builds the first page while that script runs.
   */
  start(): Promise<void> {
    this.stopped = false;
    addEventListener("online", this.retryNow);
    addEventListener("pagehide", this.goodbye);
    addEventListener("pageshow", this.back);
    const attempted = new Promise<void>((resolve) => (this.attempted = resolve));
    this.open();
    return attempted;
  }

  /** Closes the socket for good (no retry). */
  stop(): void {
    this.stopped = true;
    removeEventListener("online", this.retryNow);
    removeEventListener("pagehide", this.goodbye);
    removeEventListener("pageshow", this.back);
    this.clearRetry();
    this.settleAttempt();
    this.ws?.close(1000, "client stopped");
    this.ws = null;
    this.registered = false;
  }

  /** Sends a message if the session is live; returns whether it went out. */
  send(message: ClientMessage): boolean {
    const ws = this.ws;
    if (!ws || !ws.isOpen || (!this.registered && message.type !== "register")) return false;
    ws.send(JSON.stringify(message));
    this.stats.sent++;
    return true;
  }

  private open(): void {
    this.clearRetry();
    this.stats.connects++;
    let ws: MessageSocket;
    try {
      ws = this.openSocket(this.url);
    } catch (err) {
      // A malformed URL never gets better by retrying.
      this.options.status.setLink("closed", `cannot open ${this.url}: ${(err as Error).message}`);
      this.settleAttempt();
      return;
    }
    this.ws = ws;
    this.registered = false;
    ws.onopen = () => {
      if (ws !== this.ws) return;
      const sessionId = this.sessionId;
      this.send({
        type: "register",
        protocol: PROTOCOL_VERSION,
        ...(sessionId ? { sessionId } : {}),
        client: this.options.clientInfo(),
        // Nodes with ids relative to the node before: a first page deflates to a third (docs/protocol.md).
        ids: "relative",
      });
      this.settleAttempt();
    };
    ws.onmessage = (data) => {
      if (ws !== this.ws) return;
      this.handleFrame(data);
    };
    ws.onclose = (code, reason) => {
      if (ws !== this.ws) return;
      this.handleClose(code, reason);
    };
  }

  private keptRoutingKey(): string {
    try {
      const kept = this.storage?.getItem(ROUTING_KEY_STORAGE);
      if (isRoutingKey(kept)) return kept;
    } catch {
      // storage forbidden: a key for this page's life
    }
    const key = newRoutingKey();
    try {
      this.storage?.setItem(ROUTING_KEY_STORAGE, key);
    } catch {
      // the key then lasts as long as this page
    }
    return key;
  }

  private handleFrame(data: unknown): void {
    this.stats.received++;
    let message: ServerMessage;
    try {
      message = JSON.parse(String(data)) as ServerMessage;
    } catch (err) {
      console.error("[weft] dropped a frame that is not JSON:", (err as Error).message, String(data).slice(0, 200));
      return;
    }
    if (typeof message !== "object" || message === null || typeof message.type !== "string") {
      console.error("[weft] dropped a frame that is not a message (no string 'type'):", message);
      return;
    }
    fromRelativeIds(message);
    // A crashed session answers `register` with `crashed` instead of `registered`: the link is
    // up all the same, and the banner should say "crashed", not "Connecting…".
    if (message.type === "registered" || message.type === "crashed") {
      this.registered = true;
      this.everRegistered = true;
      this.attempt = 0;
      this.goneReason = undefined;
      this.options.status.setLink("connected");
    }
    if (message.type === "registered" && typeof message.sessionId === "string") {
      try {
        this.storage?.setItem(this.sessionKey, message.sessionId);
      } catch {
        // Storage may be full or forbidden; the session then simply won't survive a refresh.
      }
    }
    // A renderer bug must not kill the socket: report it and keep the session.
    handleReporting(this.options.onMessage, message, this.options.status);
  }

  private handleClose(code: number, reason: string): void {
    this.settleAttempt();
    this.ws = null;
    const hadSessionId = this.sessionId !== null;
    this.registered = false;
    if (this.stopped) return;
    const { status } = this.options;
    if (code === CloseCode.ProtocolError || code === CloseCode.VersionMismatch) {
      // The server refused what we said; saying it again would be refused again.
      const what = code === CloseCode.VersionMismatch ? "protocol version mismatch" : "protocol error";
      status.setLink("closed", `${reason || what} (close code ${code})`);
      return;
    }
    // The server stopped the app (1001, e.g. its `close()` at shutdown): the banner says so
    // until a server takes the tab again (this one restarted, or another process).
    if (code === CloseCode.GoingAway) this.goneReason = reason || "the server stopped";
    status.setLink(this.everRegistered ? "reconnecting" : "connecting", this.goneReason);
    if (code === CloseCode.SessionClosed) {
      // The session is gone for good: forget it and start a fresh one right away. Without a
      // stored id to blame, back off as usual so a misbehaving server cannot make us spin.
      try {
        this.storage?.removeItem(this.sessionKey);
      } catch {
        // nothing to forget then
      }
      if (hadSessionId) {
        this.attempt = 0;
        this.open();
        return;
      }
    }
    // ±25%: the tabs a draining or restarting server sent away do not all come back at once.
    const delay = Math.min(RETRY_FIRST_MS * 2 ** this.attempt, RETRY_MAX_MS) * (0.75 + Math.random() * 0.5);
    this.attempt++;
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  /**
   * The tab is going away (closed, reloaded, navigated off the app): say so with the close code,
   * so the server ends the session after a short wait instead of the whole resume window (an
   * hour, Flet's default) and the devtools show it ended. A reload comes back within that wait
   * and resumes, as before.
   */
  private goodbye = (): void => {
    const ws = this.ws;
    this.clearRetry();
    this.ws = null;
    this.registered = false;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(CloseCode.Goodbye, "pagehide");
  };

  /** Back from the back-forward cache after a goodbye: connect again (the session resumes if it is still there). */
  private back = (event: PageTransitionEvent): void => {
    if (event.persisted && !this.stopped && !this.ws) this.open();
  };

  /** The network came back: don't wait out the backoff. */
  private retryNow = (): void => {
    if (this.stopped || this.ws || this.retryTimer === null) return;
    this.attempt = 0;
    this.open();
  };

  private settleAttempt(): void {
    this.attempted?.();
    this.attempted = null;
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}

/** `ws` below the page's base path (`<base href>`), on this page's host. */
function defaultUrl(): string {
  const url = new URL("ws", document.baseURI);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}

/** `url` with `?session=<key>`, after any query it has (a key needs no escaping). */
function withRoutingKey(url: string, key: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}${ROUTING_KEY_PARAM}=${key}`;
}

/**
 * 16 random bytes, base64url (22 characters). `crypto.getRandomValues`, not `randomUUID`: the
 * latter exists only in secure contexts, and an app opened as http://192.168.1.20:8550 is not one.
 */
function newRoutingKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function safeSessionStorage(): SessionStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Runs `handle` on `message`; a throw is reported (the console, and the status's errors) rather
 * than passed on, so the next message is still handled.
 */
export function handleReporting(handle: (message: ServerMessage) => void, message: ServerMessage, status: StatusStore): void {
  try {
    handle(message);
  } catch (err) {
    console.error(`[weft] failed to handle a '${message.type}' message:`, err);
    status.pushError("RENDERER", `failed to handle '${message.type}': ${(err as Error).message}`);
  }
}
