import {
  CloseCode,
  PROTOCOL_VERSION,
  type ClientInfo,
  type ClientMessage,
  type ServerMessage,
} from "@weft/protocol";
import type { StatusStore } from "./StatusStore.ts";
import { openWebSocket, type MessageSocket, type OpenSocket } from "./MessageSocket.ts";

/** Where the session id lives: per tab, and it survives a refresh (sessionStorage). */
export const SESSION_KEY = "weft:session";

/** Reconnect backoff: the first retry waits this long, each next one twice as long… */
const RETRY_FIRST_MS = 500;
/** …up to this. */
const RETRY_MAX_MS = 5000;

type SessionStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface ConnectionOptions {
  /** Defaults to `ws(s)://<this host>/ws`, the app's endpoint. */
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
  private readonly url: string;
  private readonly openSocket: OpenSocket;
  private readonly storage: SessionStorage | null;
  /** Counters for the debug handle and benchmarks. */
  readonly stats = { sent: 0, received: 0, connects: 0 };

  constructor(private readonly options: ConnectionOptions) {
    this.url = options.url ?? defaultUrl();
    this.openSocket = options.open ?? openWebSocket;
    this.storage = options.storage === undefined ? safeSessionStorage() : options.storage;
  }

  get sessionId(): string | null {
    try {
      return this.storage?.getItem(SESSION_KEY) ?? null;
    } catch {
      return null;
    }
  }

  /** True while registered: events and props reach the server. */
  get isLive(): boolean {
    return this.registered && this.ws?.isOpen === true;
  }

  start(): void {
    this.stopped = false;
    addEventListener("online", this.retryNow);
    this.open();
  }

  /** Closes the socket for good (no retry). */
  stop(): void {
    this.stopped = true;
    removeEventListener("online", this.retryNow);
    this.clearRetry();
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
      });
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
    // A crashed session answers `register` with `crashed` instead of `registered`: the link is
    // up all the same, and the banner should say "crashed", not "Connecting…".
    if (message.type === "registered" || message.type === "crashed") {
      this.registered = true;
      this.everRegistered = true;
      this.attempt = 0;
      this.options.status.setLink("connected");
    }
    if (message.type === "registered" && typeof message.sessionId === "string") {
      try {
        this.storage?.setItem(SESSION_KEY, message.sessionId);
      } catch {
        // Storage may be full or forbidden; the session then simply won't survive a refresh.
      }
    }
    try {
      this.options.onMessage(message);
    } catch (err) {
      // A renderer bug must not kill the socket: report it and keep the session.
      console.error(`[weft] failed to handle a '${message.type}' message:`, err);
      this.options.status.pushError("RENDERER", `failed to handle '${message.type}': ${(err as Error).message}`);
    }
  }

  private handleClose(code: number, reason: string): void {
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
    status.setLink(this.everRegistered ? "reconnecting" : "connecting");
    if (code === CloseCode.SessionClosed) {
      // The session is gone for good: forget it and start a fresh one right away. Without a
      // stored id to blame, back off as usual so a misbehaving server cannot make us spin.
      try {
        this.storage?.removeItem(SESSION_KEY);
      } catch {
        // nothing to forget then
      }
      if (hadSessionId) {
        this.attempt = 0;
        this.open();
        return;
      }
    }
    const delay = Math.min(RETRY_FIRST_MS * 2 ** this.attempt, RETRY_MAX_MS);
    this.attempt++;
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  /** The network came back: don't wait out the backoff. */
  private retryNow = (): void => {
    if (this.stopped || this.ws || this.retryTimer === null) return;
    this.attempt = 0;
    this.open();
  };

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

function safeSessionStorage(): SessionStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
