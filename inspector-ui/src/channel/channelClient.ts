import {
  CHANNEL_VERSION,
  Channel,
  channelDefaults,
  ChannelCloseCode,
  type AnyRequest,
  type ClientMessage,
  type RequestOf,
  type ResultOf,
  type ServerMessage,
} from "@weft/protocol/channel";

export type ChannelState =
  | { status: "connecting"; attempt: number }
  | { status: "open" }
  /** The devserver refused us or is gone for good: `reason` says what to do. */
  | { status: "closed"; reason: string; retrying: boolean };

export type { ResultOf };

/** A request the devserver answered with `failure`. */
export class RequestError extends Error {
  override name = "RequestError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ChannelClientOptions {
  /** `ws://host/channel` (without the token). */
  url: string;
  token: string;
  onMessage(message: ServerMessage): void;
  onState(state: ChannelState): void;
  /** Called on every (re)connection once the devserver said hello. */
  onReady(): void;
}

/** How long a request may wait for its answer. */
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * The inspector's end of the devtools channel: one WebSocket to `/channel`, a `Channel` with the
 * devserver's types swapped (`Channel<ClientMessage, ServerMessage>`), requests matched to their
 * `result`/`failure` by `requestId`, and reconnection with backoff when the devserver restarts.
 * A refusal (wrong token, foreign page, other version) is not retried: it would be refused again.
 */
export class ChannelClient {
  private channel: Channel<ClientMessage, ServerMessage> | null = null;
  private ws: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: unknown): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> }>();
  private attempt = 0;
  private opened = false;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: ChannelClientOptions) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.ws?.close(1000, "inspector closed");
  }

  send(message: ClientMessage): void {
    this.channel?.send(message);
  }

  /** Sends a request and resolves with its result (rejects with `RequestError` on `failure`). */
  request<T extends AnyRequest["type"]>(message: Omit<RequestOf<T>, "requestId">): Promise<ResultOf<T>> {
    const channel = this.channel;
    if (!channel || channel.closed) return Promise.reject(new RequestError("NOT_CONNECTED", "the inspector is not connected to the devserver"));
    const requestId = this.nextId++;
    return new Promise<ResultOf<T>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new RequestError("TIMEOUT", `no answer to '${message.type}' within ${REQUEST_TIMEOUT_MS / 1000} s`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(requestId, { resolve: resolve as (r: unknown) => void, reject, timer });
      channel.send({ ...message, requestId } as ClientMessage);
    });
  }

  private open(): void {
    const { url, token } = this.options;
    this.options.onState({ status: "connecting", attempt: this.attempt });
    let ws: WebSocket;
    try {
      ws = new WebSocket(`${url}?token=${encodeURIComponent(token)}`);
    } catch (err) {
      this.options.onState({ status: "closed", reason: `cannot open ${url}: ${(err as Error).message}`, retrying: false });
      return;
    }
    this.ws = ws;
    this.opened = false;
    const channel = new Channel<ClientMessage, ServerMessage>(
      {
        send: (text) => ws.send(text),
        close: (code, reason) => ws.close(code, reason),
        get bufferedAmount() {
          return ws.bufferedAmount;
        },
      },
      { maxFrameChars: channelDefaults.toolMaxFrameChars, maxDepth: channelDefaults.toolMaxDepth },
    );
    this.channel = channel;
    channel.onMessage((message) => {
      if (message.type === "hello") {
        this.attempt = 0;
        this.options.onState({ status: "open" });
        this.options.onReady();
      }
      if (message.type === "result" || message.type === "failure") {
        const waiting = this.pending.get(message.requestId);
        if (waiting) {
          this.pending.delete(message.requestId);
          clearTimeout(waiting.timer);
          if (message.type === "result") waiting.resolve(message.result);
          else waiting.reject(new RequestError(message.code, message.message));
        }
        return;
      }
      this.options.onMessage(message);
    });
    ws.onopen = () => {
      this.opened = true;
      channel.send({ type: "hello", version: CHANNEL_VERSION, client: "inspector" });
    };
    ws.onmessage = (event) => channel.receive(String(event.data));
    ws.onclose = (event) => {
      channel.closedByPeer(event.code, event.reason);
      for (const [id, waiting] of this.pending) {
        clearTimeout(waiting.timer);
        waiting.reject(new RequestError("NOT_CONNECTED", "the channel closed before the answer came"));
        this.pending.delete(id);
      }
      if (this.stopped || ws !== this.ws) return;
      this.handleClose(event.code, event.reason);
    };
  }

  private handleClose(code: number, reason: string): void {
    if (code === ChannelCloseCode.VersionMismatch || code === ChannelCloseCode.BadFrame || code === ChannelCloseCode.TooBig) {
      this.options.onState({ status: "closed", reason: `${reason || "refused"} (code ${code})`, retrying: false });
      return;
    }
    if (!this.opened && this.attempt === 0) {
      // Refused at the upgrade: a browser only sees 1006. The devserver checks the token and the
      // page's origin; both come from opening the exact URL `weft dev` printed.
      this.options.onState({
        status: "closed",
        reason: "the devserver refused the connection: the token is missing or wrong, or this page is not the one weft dev serves. Open the Inspector URL weft dev printed.",
        retrying: false,
      });
      return;
    }
    const delay = Math.min(500 * 2 ** this.attempt, 5_000);
    this.attempt++;
    this.options.onState({ status: "closed", reason: code === ChannelCloseCode.GoingAway ? "the devserver stopped" : "the connection dropped", retrying: true });
    this.retryTimer = setTimeout(() => this.open(), delay);
  }
}
