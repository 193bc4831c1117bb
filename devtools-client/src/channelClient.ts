import { host } from "@weft/protocol";
import {
  CHANNEL_VERSION,
  Channel,
  ChannelCloseCode,
  channelDefaults,
  expandChain,
  expandRow,
  type AnyRequest,
  type CompactMessage,
  type ClientMessage,
  type FailureMessage,
  type HelloFromClient,
  type HelloFromServer,
  type RequestOf,
  type RequestParams,
  type ResultMessage,
  type ResultOf,
  type ServerMessage,
  type SkippedRows,
} from "@weft/protocol/channel";
import { ChannelError } from "./channelError.ts";
import { Emitter, type Unsubscribe } from "./emitter.ts";
import { RecentChains } from "./recentChains.ts";
import { defaultReconnect, reconnectDelay, type ReconnectPolicy } from "./reconnect.ts";
import { redact, type SocketFactory, type WebSocketLike } from "./socket.ts";

/** Every request a tool can make (`get-props`, `get-history`…). */
export type RequestType = AnyRequest["type"];

/** What a tool sends that gets no answer: `watch`, `unwatch`, `highlight`, `pick`. */
export type ChannelCommand = Exclude<ClientMessage, AnyRequest | HelloFromClient>;

/**
 * The rows a thinned frame left out (`watch { thin: true }`): heard before that frame's rows,
 * which are newer. `get-rows` with `fromSeq`/`toSeq` fetches them while the agent keeps them.
 */
export interface RowsSkippedEvent {
  type: "rows-skipped";
  sessionId: string;
  skipped: SkippedRows;
}

/** The chains a thinned frame left out (`skipped` of a `chains` message): `get-chains` has them. */
export interface ChainsSkippedEvent {
  type: "chains-skipped";
  sessionId: string;
  skipped: [fromSeq: number, toSeq: number, count: number];
}

/**
 * What the devserver sends besides answers to requests (which `request` resolves). Compact rows
 * and chains come expanded, as the `message` and `chain` messages they stand for (and a thinned
 * frame's left-out rows and chains as one `rows-skipped` and one `chains-skipped`).
 */
export type ChannelEvent = Exclude<ServerMessage, ResultMessage | FailureMessage | CompactMessage> | RowsSkippedEvent | ChainsSkippedEvent;

export type ChannelState =
  /** Not started yet. */
  | { status: "idle" }
  /** Opening a socket; `attempt` counts retries since the channel was last open (0: the first). */
  | { status: "connecting"; attempt: number }
  /** The devserver said hello, in our version. */
  | { status: "open"; hello: HelloFromServer }
  /** Closed: `error` says why; `retryInMs` is when the next attempt starts, null when none will. */
  | { status: "closed"; error: ChannelError; retryInMs: number | null };

export interface ChannelClientOptions {
  /** The channel's URL with its token: `ws://127.0.0.1:8551/channel?token=…`. */
  url: string;
  /** Who is asking (`inspector`, `vscode`…): sent in the hello, and named in messages. */
  client: string;
  /** Opens the socket: `(url) => new WebSocket(url)` in a browser, the same with `ws` in Node. */
  connect: SocketFactory;
  /** How long a request waits for its answer. */
  requestTimeoutMs?: number;
  /** How long a new connection waits for the devserver's hello. */
  helloTimeoutMs?: number;
  /** How to come back after the channel dropped; false: stay closed (the caller decides). */
  reconnect?: ReconnectPolicy | false;
  /** Largest frame accepted from the devserver, in characters. */
  maxFrameChars?: number;
  /** Deepest nesting accepted from the devserver (a deep control tree is a deep frame). */
  maxDepth?: number;
}

/** Every default of the client, in one place. */
export const channelClientDefaults = {
  requestTimeoutMs: 10_000,
  helloTimeoutMs: 5_000,
  reconnect: defaultReconnect,
  /** The devserver is trusted (token, loopback): a frame may hold a 10,000-control tree. */
  maxFrameChars: channelDefaults.toolMaxFrameChars,
  maxDepth: channelDefaults.toolMaxDepth,
};

export interface RequestOptions {
  /** Instead of the client's `requestTimeoutMs`. */
  timeoutMs?: number;
}

interface Pending {
  type: RequestType;
  resolve(result: unknown): void;
  reject(error: ChannelError): void;
  timer: unknown;
}

/** One socket's life: from opening it until it closes. */
interface Connection {
  readonly socket: WebSocketLike;
  readonly channel: Channel<ClientMessage, ServerMessage>;
  hello: HelloFromServer | null;
  /** What the socket's error event said (ws: `Unexpected server response: 401`). */
  error: string | null;
  /** A close this side asked for (the devserver sent a bad frame). */
  closing: { code: number; reason: string } | null;
  helloTimer: unknown;
}

/**
 * A tool's end of the devtools channel, the one the inspector, the VS Code extension and the
 * tests share: one WebSocket to `/channel`, the devserver's `Channel` with its type parameters
 * swapped (`Channel<ClientMessage, ServerMessage>`), the hello exchange with its version check,
 * requests matched to their `result`/`failure` by `requestId` (`request("get-props", …)`
 * resolves to a `PropsResult`), and reconnection with backoff after a drop. React DevTools'
 * frontend bridge, for weft.
 *
 * Events: `onState` (connecting, open, closed and why) and `onMessage` (everything the
 * devserver sends but answers). On open, state listeners hear of it before the rest of the hello's
 * frame (the sessions) reaches `onMessage`, so a listener can `watch` first. Subscribe before
 * `start()`: the hello's frame is handled before `opened()` resolves.
 */
export class ChannelClient {
  private readonly options: Required<ChannelClientOptions>;
  private current: Connection | null = null;
  private stateValue: ChannelState = { status: "idle" };
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 1;
  /** Attempts since the channel was last open. */
  private retries = 0;
  private everOpened = false;
  private running = false;
  private retryTimer: unknown = null;
  private readonly events = new Emitter<ChannelEvent>();
  private readonly states = new Emitter<ChannelState>();
  /** What `roundTrips` refer to: the chains handed out lately. */
  private readonly chains = new RecentChains();

  constructor(options: ChannelClientOptions) {
    this.options = { ...channelClientDefaults, ...options };
  }

  get state(): ChannelState {
    return this.stateValue;
  }

  /** The devserver's hello while the channel is open. */
  get hello(): HelloFromServer | null {
    return this.stateValue.status === "open" ? this.stateValue.hello : null;
  }

  get isOpen(): boolean {
    return this.stateValue.status === "open";
  }

  onState(listener: (state: ChannelState) => void): Unsubscribe {
    return this.states.subscribe(listener);
  }

  onMessage(listener: (message: ChannelEvent) => void): Unsubscribe {
    return this.events.subscribe(listener);
  }

  /** Opens the channel (and keeps it open, by the reconnect policy). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.everOpened = false;
    this.retries = 0;
    this.open();
  }

  /** Resolves with the hello once the channel is open; rejects when it closes for good first. */
  opened(): Promise<HelloFromServer> {
    const state = this.stateValue;
    if (state.status === "open") return Promise.resolve(state.hello);
    if (state.status === "idle") return Promise.reject(new ChannelError("NOT_CONNECTED", "the channel client was not started"));
    if (state.status === "closed" && state.retryInMs === null) return Promise.reject(state.error);
    return new Promise((resolve, reject) => {
      const undo = this.onState((next) => {
        if (next.status === "open") {
          undo();
          resolve(next.hello);
        } else if (next.status === "closed" && next.retryInMs === null) {
          undo();
          reject(next.error);
        }
      });
    });
  }

  /** Closes the channel for good; pending requests are rejected with `CLOSED`. */
  close(reason = `the ${this.options.client} closed the channel`): void {
    this.running = false;
    if (this.retryTimer !== null) host.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const connection = this.current;
    if (connection) {
      this.current = null;
      connection.channel.close(1000, reason);
      this.ended(connection, new ChannelError("CLOSED", reason));
    } else if (this.stateValue.status !== "idle" && !(this.stateValue.status === "closed" && this.stateValue.retryInMs === null)) {
      this.setState({ status: "closed", error: new ChannelError("CLOSED", reason), retryInMs: null });
    }
  }

  /**
   * Sends a command (no answer comes). Returns false, sending nothing, while the channel is not
   * open. A `watch` asks for the compact form of rows and chains (unless it says `compact:
   * false`) with chains' round trips alone (`roundTrips`): this client expands them and merges
   * a round trip into its chain, so its listeners see the same messages either way. `thin` is
   * passed on as the caller says (its listeners must then handle `rows-skipped`).
   */
  send(command: ChannelCommand): boolean {
    const connection = this.current;
    if (!connection?.hello) return false;
    if (command.type === "watch" && command.compact !== false) {
      connection.channel.send({ ...command, compact: true, roundTrips: command.roundTrips ?? true });
    } else {
      connection.channel.send(command);
    }
    return true;
  }

  /**
   * Asks the devserver and resolves with the answer's result, typed by the request
   * (`request("get-props", { sessionId, id })` is a `Promise<PropsResult>`). Rejects with a
   * `ChannelError`: the devserver's `failure` code, or `NOT_CONNECTED`, `TIMEOUT`, `CLOSED`.
   */
  request<T extends RequestType>(type: T, params: RequestParams<T>, options: RequestOptions = {}): Promise<ResultOf<T>> {
    const connection = this.current;
    if (!connection?.hello) {
      return Promise.reject(new ChannelError("NOT_CONNECTED", `cannot ask weft dev for '${type}': the channel is not open`, type));
    }
    const requestId = this.nextRequestId++;
    const timeoutMs = options.timeoutMs ?? this.options.requestTimeoutMs;
    // `{ ...params, type, requestId }` is `RequestOf<T>` for every T; TypeScript cannot follow
    // `Omit<RequestOf<T>, "type" | "requestId">` back to it for a generic T.
    const message = { ...params, type, requestId } as RequestOf<T>;
    const answered = new Promise<unknown>((resolve, reject) => {
      const timer = host.setTimeout(() => {
        this.pending.delete(requestId);
        reject(new ChannelError("TIMEOUT", `weft dev did not answer '${type}' within ${timeoutMs} ms`, type));
      }, timeoutMs);
      this.pending.set(requestId, { type, resolve, reject, timer });
      connection.channel.send(message);
    });
    // `answer` resolves only with the result of a `result` whose `of` is `type`.
    return answered as Promise<ResultOf<T>>;
  }

  // ------------------------------------------------------------------ one connection

  private open(): void {
    const { url, client } = this.options;
    this.setState({ status: "connecting", attempt: this.retries });
    let socket: WebSocketLike;
    try {
      socket = this.options.connect(url);
    } catch (err) {
      // A malformed URL: no retry would fix it.
      this.running = false;
      this.setState({ status: "closed", error: new ChannelError("REFUSED", `cannot open ${redact(url)}: ${errorText(err)}`), retryInMs: null });
      return;
    }
    const connection: Connection = {
      socket,
      channel: new Channel<ClientMessage, ServerMessage>(
        {
          send: (text) => socket.send(text),
          close: (code, reason) => {
            connection.closing ??= { code, reason };
            socket.close(code, reason);
          },
          get bufferedAmount() {
            return socket.bufferedAmount;
          },
        },
        { maxFrameChars: this.options.maxFrameChars, maxDepth: this.options.maxDepth },
      ),
      hello: null,
      error: null,
      closing: null,
      helloTimer: null,
    };
    this.current = connection;
    connection.helloTimer = host.setTimeout(() => {
      const error = new ChannelError("NO_HELLO", `weft dev at ${redact(url)} did not say hello within ${this.options.helloTimeoutMs} ms`);
      this.fail(connection, error, 1000);
    }, this.options.helloTimeoutMs);
    connection.channel.onMessage((message) => this.receive(connection, message));
    socket.addEventListener("open", () => {
      if (this.current === connection) connection.channel.send({ type: "hello", version: CHANNEL_VERSION, client });
    });
    socket.addEventListener("message", (event) => {
      if (this.current === connection) connection.channel.receive(typeof event.data === "string" ? event.data : String(event.data));
    });
    socket.addEventListener("error", (event) => {
      connection.error = typeof event.message === "string" && event.message ? event.message : null;
    });
    socket.addEventListener("close", (event) => {
      connection.channel.closedByPeer(event.code, event.reason);
      if (this.current === connection) this.ended(connection, this.closeError(connection, event.code, event.reason));
    });
  }

  private receive(connection: Connection, message: ServerMessage): void {
    if (this.current !== connection) return;
    if (!connection.hello) {
      if (message.type !== "hello") {
        return this.fail(connection, new ChannelError("NO_HELLO", `weft dev sent '${message.type}' before its hello`), ChannelCloseCode.BadFrame);
      }
      if (message.version !== CHANNEL_VERSION) {
        const { client } = this.options;
        const error = new ChannelError(
          "VERSION_MISMATCH",
          `weft dev speaks weft channel ${String(message.version)}, this ${client} ${CHANNEL_VERSION}; update the ${client} or weft`,
        );
        return this.fail(connection, error, ChannelCloseCode.VersionMismatch);
      }
      host.clearTimeout(connection.helloTimer);
      connection.hello = message;
      this.chains.clear(); // another devserver, perhaps: its seqs are not these
      this.retries = 0;
      this.everOpened = true;
      this.setState({ status: "open", hello: message });
      if (this.current === connection) this.events.emit(message);
      return;
    }
    if (message.type === "result" || message.type === "failure") return this.answer(message);
    if (message.type === "rows") {
      if (message.skipped) this.events.emit({ type: "rows-skipped", sessionId: message.sessionId, skipped: message.skipped });
      for (const row of message.rows) this.events.emit({ type: "message", row: expandRow(message.sessionId, row) });
      return;
    }
    if (message.type === "chains") {
      if (message.skipped) this.events.emit({ type: "chains-skipped", sessionId: message.sessionId, skipped: message.skipped });
      for (const tuple of message.chains) {
        const chain = expandChain(message.sessionId, tuple);
        this.chains.remember(chain);
        this.events.emit({ type: "chain", chain });
      }
      for (const [seq, roundTripMs] of message.roundTrips ?? []) {
        const chain = this.chains.withRoundTrip(message.sessionId, seq, roundTripMs);
        if (chain) this.events.emit({ type: "chain", chain });
      }
      return;
    }
    if (message.type === "session-close") this.chains.forget(message.sessionId);
    this.events.emit(message);
  }

  private answer(message: ResultMessage | FailureMessage): void {
    const pending = this.pending.get(message.requestId);
    if (!pending) return; // timed out already
    this.pending.delete(message.requestId);
    host.clearTimeout(pending.timer);
    if (message.type === "failure") pending.reject(new ChannelError(message.code, message.message, pending.type));
    else if (message.of !== pending.type) pending.reject(new ChannelError("BAD_ANSWER", `weft dev answered '${pending.type}' with a result of '${message.of}'`, pending.type));
    else pending.resolve(message.result);
  }

  /** This side ends the connection (no hello, another version). */
  private fail(connection: Connection, error: ChannelError, code: number): void {
    if (this.current !== connection) return;
    this.current = null;
    connection.channel.close(code, error.message);
    this.ended(connection, error);
  }

  /** Why the socket closed, as the user should read it. */
  private closeError(connection: Connection, code: number, reason: string): ChannelError {
    const said = reason ? `: ${reason}` : "";
    if (connection.closing) return new ChannelError("BAD_FRAME", `weft dev sent a frame this ${this.options.client} cannot read (${connection.closing.reason})`);
    if (code === ChannelCloseCode.VersionMismatch) return new ChannelError("VERSION_MISMATCH", reason || "weft dev speaks another channel version");
    if (code === ChannelCloseCode.BadFrame || code === ChannelCloseCode.TooBig) return new ChannelError("BAD_FRAME", `weft dev refused a frame (${code}${said})`);
    if (!connection.hello) {
      const why = connection.error ? `: ${connection.error}` : "";
      return new ChannelError("REFUSED", `cannot connect to weft dev at ${redact(this.options.url)}${why} (closed with ${code})`);
    }
    if (code === ChannelCloseCode.GoingAway) return new ChannelError("CLOSED", `weft dev stopped${said}`);
    return new ChannelError("CLOSED", `the channel to weft dev closed (${code}${said})`);
  }

  /** A connection is over: answers will not come; retry by the policy, or stay closed. */
  private ended(connection: Connection, error: ChannelError): void {
    host.clearTimeout(connection.helloTimer);
    if (this.current === connection) this.current = null;
    for (const [id, pending] of this.pending) {
      host.clearTimeout(pending.timer);
      pending.reject(new ChannelError("CLOSED", `the channel closed before weft dev answered '${pending.type}': ${error.message}`, pending.type));
      this.pending.delete(id);
    }
    const policy = this.options.reconnect;
    const retry = this.running && policy !== false && this.everOpened && !isFinal(error);
    if (!retry) {
      this.running = false;
      this.setState({ status: "closed", error, retryInMs: null });
      return;
    }
    const delay = reconnectDelay(policy, this.retries++);
    this.setState({ status: "closed", error, retryInMs: delay });
    this.retryTimer = host.setTimeout(() => {
      this.retryTimer = null;
      if (this.running) this.open();
    }, delay);
  }

  private setState(state: ChannelState): void {
    this.stateValue = state;
    this.states.emit(state);
  }
}

/** Refusals a retry would meet again. */
function isFinal(error: ChannelError): boolean {
  return error.code === "VERSION_MISMATCH" || error.code === "BAD_FRAME";
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
