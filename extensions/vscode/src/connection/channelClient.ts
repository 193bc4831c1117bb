import {
  CHANNEL_VERSION,
  Channel,
  channelDefaults,
  type ClientMessage,
  type HelloFromServer,
  type RequestParams,
  type ResultOf,
  type ServerMessage,
} from "@weft/protocol/channel";

/** The part of a WebSocket the client uses (`ws`'s WebSocket in VS Code, a fake in tests). */
export interface SocketLike {
  readonly bufferedAmount: number;
  send(text: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

export type SocketFactory = (url: string) => SocketLike;

/**
 * The extension's permessage-deflate offer (`ws`'s client option): tree snapshots and message
 * logs from weft dev arrive compressed. weft dev frees no context between messages on its side;
 * this side asks the same of itself (client_no_context_takeover) and keeps a 2 KiB window, so
 * the one socket's zlib state stays small (≈ 10 KB to inflate, ≈ 40 KB while a large request is
 * deflated). It names no server window: a server whose own is larger would have to refuse the
 * whole offer (ws answers 400), and weft dev already picks a small one.
 */
export const channelPerMessageDeflate = {
  clientNoContextTakeover: true,
  clientMaxWindowBits: 11,
  threshold: 1024,
  zlibDeflateOptions: { memLevel: 6 },
} as const;

/** Requests this client makes, and what each resolves to. */
export type RequestType = "get-props" | "get-message" | "get-stats" | "get-source" | "get-controls-at";
export type { RequestParams, ResultOf };

export interface ChannelClientOptions {
  createSocket: SocketFactory;
  /** The devserver said hello: the client can send; called just before its hello reaches onMessage. */
  onOpen?(client: ChannelClient): void;
  /** Every message from the devserver after (and including) its hello, in order. */
  onMessage(message: ServerMessage): void;
  /** The channel closed (by either side), after it was open. */
  onClose(code: number, reason: string): void;
  /** Give up on the devserver's hello after this long. Default 5 s. */
  helloTimeoutMs?: number;
  /** Give up on an answer after this long. Default 10 s. */
  requestTimeoutMs?: number;
}

/** A request the devserver answered with `failure` (its `code`: NOT_FOUND, UNKNOWN_REQUEST…). */
export class ChannelRequestError extends Error {
  override name = "ChannelRequestError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}


interface Pending {
  resolve(result: unknown): void;
  reject(err: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The extension's end of the devtools channel: `Channel<ClientMessage, ServerMessage>` over a
 * WebSocket, the hello exchange (with the version check), and requests matched to their answers
 * by `requestId`. Resolves once the devserver said hello; messages it sent in the same frame
 * (the sessions, the last swap) reach `onMessage` right after.
 */
export class ChannelClient {
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 1;
  private closedWith: { code: number; reason: string } | null = null;

  private constructor(
    private readonly socket: SocketLike,
    private readonly channel: Channel<ClientMessage, ServerMessage>,
    readonly hello: HelloFromServer,
    private readonly options: ChannelClientOptions,
  ) {}

  static connect(url: string, options: ChannelClientOptions): Promise<ChannelClient> {
    return new Promise((resolve, reject) => {
      let socket: SocketLike;
      try {
        socket = options.createSocket(url);
      } catch (err) {
        return reject(err instanceof Error ? err : new Error(String(err)));
      }
      let client: ChannelClient | null = null;
      let settled = false;
      const fail = (message: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        try {
          socket.close();
        } catch {
          // already closing
        }
        reject(new Error(message));
      };
      const timer = setTimeout(() => fail(`no hello from ${redact(url)} within ${options.helloTimeoutMs ?? 5000} ms`), options.helloTimeoutMs ?? 5000);
      const channel = new Channel<ClientMessage, ServerMessage>(
        {
          send: (text) => socket.send(text),
          close: (code, reason) => socket.close(code, reason),
          get bufferedAmount() {
            return socket.bufferedAmount;
          },
        },
        { maxFrameChars: channelDefaults.toolMaxFrameChars },
      );
      channel.onMessage((message) => {
        if (client) return client.receive(message);
        if (message.type !== "hello") return fail(`the devserver sent '${message.type}' before its hello`);
        if (message.version !== CHANNEL_VERSION) {
          return fail(`the devserver speaks weft channel ${message.version}, this extension ${CHANNEL_VERSION}; update the extension or weft`);
        }
        settled = true;
        clearTimeout(timer);
        client = new ChannelClient(socket, channel, message, options);
        resolve(client);
        options.onOpen?.(client);
        options.onMessage(message);
      });
      socket.onopen = () => channel.send({ type: "hello", version: CHANNEL_VERSION, client: "vscode" });
      socket.onmessage = (event) => channel.receive(typeof event.data === "string" ? event.data : String(event.data));
      socket.onerror = (event) => {
        if (!client) fail(`cannot reach weft dev at ${redact(url)}: ${event.message ?? "connection failed"}`);
      };
      socket.onclose = (event) => {
        channel.closedByPeer(event.code, event.reason);
        if (client) client.closed(event.code, event.reason);
        else fail(`weft dev at ${redact(url)} closed the channel (${event.code}${event.reason ? `: ${event.reason}` : ""})`);
      };
    });
  }

  get isClosed(): boolean {
    return this.closedWith !== null;
  }

  send(message: ClientMessage): void {
    this.channel.send(message);
  }

  /** Sends a request; resolves with its result, rejects with ChannelRequestError or on timeout/close. */
  request<K extends RequestType>(type: K, params: RequestParams<K>): Promise<ResultOf<K>> {
    if (this.closedWith) return Promise.reject(new Error("not connected to weft dev"));
    const requestId = this.nextRequestId++;
    return new Promise<ResultOf<K>>((resolve, reject) => {
      const ms = this.options.requestTimeoutMs ?? 10_000;
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new Error(`weft dev did not answer ${type} within ${ms} ms`));
      }, ms);
      this.pending.set(requestId, { resolve: resolve as (r: unknown) => void, reject, timer });
      this.channel.send({ type, requestId, ...params } as unknown as ClientMessage);
    });
  }

  close(): void {
    if (this.closedWith) return;
    this.channel.close(1000, "the extension disconnected");
    this.closed(1000, "the extension disconnected");
  }

  private receive(message: ServerMessage): void {
    if (message.type === "result" || message.type === "failure") {
      const pending = this.pending.get(message.requestId);
      if (!pending) return; // timed out already
      this.pending.delete(message.requestId);
      clearTimeout(pending.timer);
      if (message.type === "result") pending.resolve(message.result);
      else pending.reject(new ChannelRequestError(message.code, message.message));
      return;
    }
    this.options.onMessage(message);
  }

  private closed(code: number, reason: string): void {
    if (this.closedWith) return;
    this.closedWith = { code, reason };
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error("the channel to weft dev closed"));
    }
    this.pending.clear();
    this.options.onClose(code, reason);
  }
}

/** A URL without its token, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/, "$1…");
}
