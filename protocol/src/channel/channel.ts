import { nestsDeeperThan } from "../app/parse.ts";
import { host } from "../host.ts";
import { ChannelCloseCode } from "./messages.ts";

/** A socket as the channel sees it: text out, a close with a code and a reason. */
export interface ChannelTransport {
  send(text: string): void;
  /**
   * A text frame as its pieces in order, strings and UTF-8 bytes (a frame with a group that
   * keeps its JSON as bytes, `FrameGroup.chunks`): the transport writes them as one frame.
   * Without it, such a group's `json()` is sent as text.
   */
  sendPieces?(pieces: readonly (string | Uint8Array)[]): void;
  close(code: number, reason: string): void;
  /** Bytes queued by the socket and not yet sent (`WebSocket.bufferedAmount`), if it knows. */
  readonly bufferedAmount?: number;
}

export interface ChannelOptions<Out> {
  /** Largest frame accepted from the other side, in characters. Default 1 MiB. */
  maxFrameChars?: number;
  /** Deepest nesting of objects and arrays accepted in a frame. Default 64. */
  maxDepth?: number;
  /** Above this many bytes waiting in the socket, droppable messages are dropped. Default 4 MiB. */
  highWaterBytes?: number;
  /** Which outgoing messages a slow reader may lose. Default: none. */
  isDroppable?: (message: Out) => boolean;
  /** Builds the message that tells the reader how many were dropped. */
  droppedMessage?: (count: number) => Out;
  /**
   * At most one frame per this many ms. After a quiet spell a message still leaves at the end of
   * its microtask; under steady traffic frames are spaced out, so a session handling thousands
   * of events a second costs the tool 60 socket writes a second, not thousands. Default 0.
   */
  minFrameIntervalMs?: number;
  /**
   * Once traffic has gone on for this long without a quiet spell of as long, at most one frame
   * per this many ms (React DevTools' bridge batches for 100 ms): a session handling thousands of
   * events a second then costs the tool ten frames a second, and what a frame gathers (a
   * control's sets, a session's rows) folds more. The first frame after a quiet spell still
   * leaves at once, and the next ones of a short burst (a click's reaction) `minFrameIntervalMs`
   * apart. Default: `minFrameIntervalMs`.
   */
  busyFrameIntervalMs?: number;
  /** Messages that leave at the end of their microtask whatever the spacing: answers a reader waits for. Default: none. */
  isUrgent?: (message: Out) => boolean;
}

export const channelDefaults = {
  /** What the devserver accepts from a tool: tools send small requests. */
  maxFrameChars: 1024 * 1024,
  /**
   * What a tool accepts from the devserver, which it trusts (token, loopback): a frame may carry
   * the whole tree of a big page after `watch` (10,000 controls ≈ 1 MB of JSON).
   */
  toolMaxFrameChars: 64 * 1024 * 1024,
  highWaterBytes: 4 * 1024 * 1024,
  /**
   * Nesting accepted in a frame: `JSON.parse` builds any depth, and the first `JSON.stringify`
   * or recursive walk of a value 20,000 deep overflows the stack (a tree 64 controls deep is
   * already a very deep page; frames wrap it in a few more levels).
   */
  maxDepth: 64,
  /** What a tool accepts from the devserver: a tree frame nests three levels per control. */
  toolMaxDepth: Infinity,
};

type Handler<M> = (message: M) => void;

/**
 * A message the channel writes when its frame leaves, gathering what was added to it meanwhile
 * (`Channel.group`): the rows of one session in a frame, its tree ops.
 */
export interface FrameGroup {
  /** The message's JSON, once the frame leaves. */
  json(): string;
  /** The same JSON as UTF-8 bytes, for a transport that takes them (`sendPieces`). */
  chunks?(): readonly Uint8Array[];
}

/**
 * One end of the devtools channel, generic over what it sends (`Out`) and receives (`In`): the
 * devserver is `Channel<ServerMessage, ClientMessage>`, a tool `Channel<ClientMessage,
 * ServerMessage>` (React DevTools' Bridge, with its type parameters swapped per side).
 *
 * Messages sent in one microtask go out as one frame, a JSON array: an inspector watching a
 * session that patches 100 times a second gets far fewer frames than messages. Incoming frames
 * are checked at the edge (JSON, an array, objects with a string `type`, size); a bad frame
 * closes the channel with a precise reason. Runs in Node and in browsers alike.
 */
export class Channel<Out extends { type: string }, In extends { type: string }> {
  /**
   * Each queued message as JSON: serialized once, when sent (a message shared by several
   * channels is serialized once for all, `sendJson`), or a group written when the frame leaves.
   */
  private queue: (string | FrameGroup)[] = [];
  /**
   * The groups of the frame that can still take parts, by kind and key (a plain message after
   * one closes it). Two levels, so a lookup hashes strings the caller already has (a session's
   * id) rather than a new one per message.
   */
  private readonly groups = new Map<string, Map<string, FrameGroup>>();
  private scheduled = false;
  private dropped = 0;
  private readonly handlers = new Map<string, Set<Handler<In>>>();
  private readonly anyHandlers = new Set<Handler<In>>();
  private readonly options: Required<Omit<ChannelOptions<Out>, "droppedMessage">> & Pick<ChannelOptions<Out>, "droppedMessage">;
  private lastFrameAt = -Infinity;
  /** When the traffic going on now began (its first frame left at once). */
  private burstStartedAt = -Infinity;
  private timer: unknown = null;
  private closedWith: { code: number; reason: string } | null = null;

  constructor(
    private readonly transport: ChannelTransport,
    options: ChannelOptions<Out> = {},
  ) {
    this.options = {
      maxFrameChars: options.maxFrameChars ?? channelDefaults.maxFrameChars,
      maxDepth: options.maxDepth ?? channelDefaults.maxDepth,
      highWaterBytes: options.highWaterBytes ?? channelDefaults.highWaterBytes,
      isDroppable: options.isDroppable ?? (() => false),
      droppedMessage: options.droppedMessage,
      minFrameIntervalMs: options.minFrameIntervalMs ?? 0,
      busyFrameIntervalMs: options.busyFrameIntervalMs ?? options.minFrameIntervalMs ?? 0,
      isUrgent: options.isUrgent ?? (() => false),
    };
  }

  get closed(): boolean {
    return this.closedWith !== null;
  }

  /** Queues a message; everything queued in this microtask leaves as one frame. */
  send(message: Out): void {
    if (this.closedWith) return;
    if (this.options.isDroppable(message) && this.overHighWater()) {
      this.dropped++;
      return;
    }
    this.enqueue(JSON.stringify(message), this.options.isUrgent(message));
  }

  /**
   * Queues a message already serialized (`json` is `JSON.stringify(message)`): a devserver that
   * sends one message to several tools serializes it once, not once per tool.
   */
  sendJson(message: Out, json: string): void {
    if (this.closedWith) return;
    if (this.options.isDroppable(message) && this.overHighWater()) {
      this.dropped++;
      return;
    }
    this.enqueue(json, this.options.isUrgent(message));
  }

  /** Changes `busyFrameIntervalMs` (a reader that asked for another batching window). */
  setBusyFrameInterval(ms: number): void {
    this.options.busyFrameIntervalMs = Math.max(ms, this.options.minFrameIntervalMs);
  }

  /**
   * The group of `kind` and `key` (`"rows"`, a session's id) of the frame waiting to leave,
   * opened (`open(kind, key)`: a function made once, not a closure per message) and queued where it is now when there is none; the caller adds `message` to it. Parts added to a group leave together,
   * at the group's place in the frame: a group is closed by every plain message queued after it,
   * so nothing moves past a message it must follow (a `tree` that a session's ops come after).
   * Null when the channel is closed or `message` is dropped (a slow reader).
   */
  group<G extends FrameGroup>(kind: string, key: string, message: Out, open: (kind: string, key: string) => G): G | null {
    if (this.closedWith) return null;
    if (this.options.isDroppable(message) && this.overHighWater()) {
      this.dropped++;
      return null;
    }
    let groups = this.groups.get(kind);
    if (!groups) this.groups.set(kind, (groups = new Map()));
    let group = groups.get(key) as G | undefined;
    if (!group) {
      group = open(kind, key);
      groups.set(key, group);
      this.schedule(group);
    }
    return group;
  }

  private overHighWater(): boolean {
    return (this.transport.bufferedAmount ?? 0) > this.options.highWaterBytes;
  }

  private enqueue(json: string, urgent: boolean): void {
    if (this.groups.size > 0) this.groups.clear();
    this.schedule(json, urgent);
  }

  private schedule(entry: string | FrameGroup, urgent = false): void {
    this.queue.push(entry);
    if (urgent && this.timer !== null) {
      // What waits for its slot leaves now, with the answer (the frame keeps their order).
      host.clearTimeout(this.timer);
      this.timer = null;
      this.scheduled = false;
    }
    if (this.scheduled) return;
    this.scheduled = true;
    const { minFrameIntervalMs: min, busyFrameIntervalMs: busy } = this.options;
    const now = host.performance.now();
    // A quiet spell as long as the busy window ends the burst: the next frame starts a new one.
    if (now - this.lastFrameAt >= busy) this.burstStartedAt = now;
    const interval = now - this.burstStartedAt >= busy ? busy : min;
    const wait = urgent ? 0 : this.lastFrameAt + interval - now;
    if (wait <= 0) host.queueMicrotask(() => this.flush());
    else this.timer = host.setTimeout(() => this.flush(), wait);
  }

  /** Sends what is queued now. */
  flush(): void {
    this.scheduled = false;
    if (this.timer !== null) host.clearTimeout(this.timer);
    this.timer = null;
    if (this.closedWith) return;
    if (this.dropped > 0 && this.options.droppedMessage && !this.overHighWater()) {
      this.queue.push(JSON.stringify(this.options.droppedMessage(this.dropped)));
      this.dropped = 0;
    }
    this.groups.clear();
    if (this.queue.length === 0) return;
    const frame = this.queue;
    this.queue = [];
    this.lastFrameAt = host.performance.now();
    if (this.transport.sendPieces && frame.some((entry) => typeof entry !== "string" && entry.chunks)) {
      const pieces: (string | Uint8Array)[] = [];
      for (let i = 0; i < frame.length; i++) {
        const entry = frame[i]!;
        pieces.push(i === 0 ? "[" : ",");
        if (typeof entry === "string") pieces.push(entry);
        else if (entry.chunks) pieces.push(...entry.chunks());
        else pieces.push(entry.json());
      }
      pieces.push("]");
      return this.transport.sendPieces(pieces);
    }
    for (let i = 0; i < frame.length; i++) {
      const entry = frame[i]!;
      if (typeof entry !== "string") frame[i] = entry.json();
    }
    this.transport.send(`[${frame.join(",")}]`);
  }

  /** Subscribes to one message type. Returns the unsubscribe. */
  on<K extends In["type"]>(type: K, handler: Handler<Extract<In, { type: K }>>): () => void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(handler as Handler<In>);
    return () => set!.delete(handler as Handler<In>);
  }

  /** Subscribes to every message. Returns the unsubscribe. */
  onMessage(handler: Handler<In>): () => void {
    this.anyHandlers.add(handler);
    return () => this.anyHandlers.delete(handler);
  }

  /** One text frame from the other side (call it from the socket's message event). */
  receive(text: string): void {
    if (this.closedWith) return;
    if (text.length > this.options.maxFrameChars) {
      return this.close(ChannelCloseCode.TooBig, `frame of ${text.length} characters is above the limit of ${this.options.maxFrameChars}`);
    }
    if (nestsDeeperThan(text, this.options.maxDepth)) {
      return this.close(ChannelCloseCode.TooDeep, `frame nests deeper than ${this.options.maxDepth} levels`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return this.close(ChannelCloseCode.BadFrame, "frame is not JSON");
    }
    if (!Array.isArray(parsed)) return this.close(ChannelCloseCode.BadFrame, "frame is not a JSON array of messages");
    for (const [i, message] of parsed.entries()) {
      if (typeof message !== "object" || message === null || typeof (message as { type?: unknown }).type !== "string") {
        return this.close(ChannelCloseCode.BadFrame, `message ${i} of the frame has no string 'type'`);
      }
    }
    for (const message of parsed as In[]) {
      for (const handler of this.handlers.get(message.type) ?? []) this.dispatch(handler, message);
      for (const handler of this.anyHandlers) this.dispatch(handler, message);
      if (this.closedWith) return;
    }
  }

  /** Sends what is queued, then closes with a code and a reason the other side can show. */
  close(code: number, reason: string): void {
    if (this.closedWith) return;
    this.flush();
    this.closedWith = { code, reason };
    this.queue = [];
    this.groups.clear();
    this.transport.close(code, reason.slice(0, 120)); // close reasons are capped at 123 bytes
  }

  /** The other side closed: nothing more goes out. */
  closedByPeer(code = 1005, reason = ""): void {
    this.closedWith ??= { code, reason };
    this.queue = [];
    this.groups.clear();
    if (this.timer !== null) host.clearTimeout(this.timer);
    this.timer = null;
  }

  private dispatch(handler: Handler<In>, message: In): void {
    try {
      handler(message);
    } catch (err) {
      // One handler's bug must not stop the others or the channel.
      host.console.error(`weft channel: a handler of '${message.type}' threw:`, err);
    }
  }
}
