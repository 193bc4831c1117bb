import {
  CHANNEL_VERSION,
  Channel,
  ChannelCloseCode,
  isDroppable,
  isInspectMessage,
  type ClientMessage,
  type HelloFromServer,
  type LogMessage,
  type RequestMessage,
  type ResultMessage,
  type ServerMessage,
  type ChainMessage,
  type StatsResult,
  type SwapReport,
  type DeadSession,
} from "@weft/protocol/channel";
import type { AgentDemand } from "@weft/agent";
import { chainTupleJson, channelJson, rowTupleJson } from "./channelJson.ts";
import { ThinChainsGroup, ThinRowsGroup, TreeOpsGroup, TupleGroup } from "./channelGroups.ts";
import { FRAME_INTERVALS } from "./channelFrames.ts";
import { readRecordingBytes, type Recording } from "weft/testing";
import type {
  ControlsAtResult,
  InspectClientMessage,
  MessageResult,
  PropsResult,
  SessionInfo,
  SourceResult,
  TreeNode,
} from "@weft/protocol/channel";

type MaybePromise<T> = T | Promise<T>;

/**
 * What the hub asks of the app's instrumentation: the agent in this process (`weft dev`), or
 * the agents in the tabs' workers (`weft dev --static`, static/workerAgents.ts), whose answers
 * come back over a socket. `@weft/agent`'s `Agent` is one as it is.
 */
export interface HubAgent {
  /** Hears every channel message the agent makes. Returns the undo. */
  subscribe(listener: (message: ServerMessage) => void): () => void;
  sessions(): MaybePromise<SessionInfo[]>;
  tree(sessionId: string): MaybePromise<TreeNode | null>;
  props(sessionId: string, id: number): MaybePromise<PropsResult | null>;
  message(sessionId: string, seq: number): MaybePromise<MessageResult | null>;
  source(sessionId: string, id: number, event?: string): MaybePromise<SourceResult | null>;
  controlsAt(sessionId: string, file: string, line: number): MaybePromise<ControlsAtResult | null>;
  readonly inspect: {
    handle(message: InspectClientMessage, reply: (message: ServerMessage) => void, tool: { loopback: boolean }): void;
    /** Opens a recording as an ended session (dropped on the inspector); absent where recordings cannot be opened. */
    openRecording?(recording: Recording): DeadSession;
  } | null;
  /** Told which sessions some tool watches, so it skips the tree work for the others. */
  setDemand?(demand: AgentDemand): void;
}

/** What the hub needs from the devserver to answer a tool. */
export interface HubContext {
  /** The app's agent: what the hub fans out, and what answers the tools' requests. */
  agent: HubAgent;
  hello(): HelloFromServer;
  /** Messages a tool that just said hello should get (the last swap, a current build error). */
  backlog(): ServerMessage[];
  /** The process's figures; the hub adds how many tools are connected. */
  stats(): Omit<StatsResult, "channelClients">;
  /** The swap reports kept, newest first (`get-swaps`: what a tool that came late missed). */
  swaps?(): SwapReport[];
}

interface Watch {
  tree: boolean;
  messages: boolean;
  handlers: boolean;
  compact: boolean;
  /** With `compact`: a chain's second copy (its round trip) as `[seq, roundTripMs]`. */
  roundTrips: boolean;
  /** With `compact`: a busy frame's older rows as a `skipped` range (ThinRowsGroup). */
  thin: boolean;
}

/** One connected tool: its channel, whether it said hello, which sessions it watches. */
class ToolConnection {
  ready = false;
  client = "";
  readonly watches = new Map<string, Watch>();
  constructor(
    readonly channel: Channel<ServerMessage, ClientMessage>,
    /** Connected from this machine: may use the inspector's console (eval). */
    readonly loopback = true,
  ) {}
}

/**
 * Fans the agent's messages out to the connected tools, each getting what it asked for: every
 * tool gets sessions, errors, output and swap reports; trees, message rows and handler timings
 * only for the sessions it watches and asked them of (50 sessions patching at once would
 * otherwise flood every inspector). What a watched session sends on every app event is gathered
 * per frame (channelGroups.ts): one `tree-ops`, and with `compact` one `rows` and one `chains`
 * (with `thin`, a busy frame's rows but the newest 64 as a range).
 */
export class Hub {
  private readonly tools = new Set<ToolConnection>();
  private readonly stopListening: () => void;

  constructor(private readonly context: HubContext) {
    this.stopListening = context.agent.subscribe((message) => this.broadcast(message));
    // The agent skips the tree ops of sessions no tool watches.
    context.agent.setDemand?.({ tree: (sessionId) => this.watched(sessionId) });
  }

  private watched(sessionId: string): boolean {
    for (const tool of this.tools) if (tool.ready && tool.watches.get(sessionId)?.tree) return true;
    return false;
  }

  get size(): number {
    return this.tools.size;
  }

  /**
   * Sends `message` to every tool that wants it, serialized once for all of them. Runs several
   * times per app event for a watched session: what the message is and which session it is of
   * is read once here, not per tool (a message's shape differs per type, so each read of it
   * costs V8 a lookup of its own).
   */
  broadcast(message: ServerMessage): void {
    const type = message.type;
    if (type === "log") this.keepOutput(message);
    /** The session a watched-only message is of, and the watch flag it needs. */
    let sessionId: string | null = null;
    let needs: "tree" | "messages" | "handlers" | null = null;
    switch (type) {
      case "tree":
      case "tree-ops":
        sessionId = message.sessionId;
        needs = "tree";
        break;
      case "message":
        sessionId = message.row.sessionId;
        needs = "messages";
        break;
      case "chain":
        sessionId = message.chain.sessionId;
        needs = "messages";
        break;
      case "handler":
        sessionId = message.sessionId;
        needs = "handlers";
        break;
    }
    let json: string | null = null;
    let tuple: string | null = null;
    for (const tool of this.tools) {
      if (!tool.ready) continue;
      if (needs === null) {
        json ??= channelJson(message);
        tool.channel.sendJson(message, json);
        continue;
      }
      const watch = tool.watches.get(sessionId!);
      if (watch === undefined || !watch[needs]) continue;
      if (type === "tree-ops") {
        tool.channel.group("tree-ops", sessionId!, message, openTreeOps)?.add(message.ops);
        continue;
      }
      if ((type === "message" || type === "chain") && watch.compact) {
        if (type === "chain" && watch.thin && watch.roundTrips) {
          // Chains kept by reference and written when the frame leaves, the newest 64 of a busy one.
          const group = tool.channel.group("thin-chains", sessionId!, message, openThinChains);
          if (message.roundTripOnly && Number.isFinite(message.chain.roundTripMs)) group?.addRoundTrip(message.chain.seq, message.chain.roundTripMs!);
          else group?.add(message.chain);
          continue;
        }
        if (type === "chain" && message.roundTripOnly && watch.roundTrips && Number.isFinite(message.chain.roundTripMs)) {
          // The tool has the chain (it watched when it finished, or it fetches the history): ~15 bytes, not ~400.
          tool.channel.group("chains", sessionId!, message, openTuples)?.addRoundTrip(message.chain.seq, message.chain.roundTripMs!);
          continue;
        }
        if (type === "message" && watch.thin) {
          // The row itself, kept by reference: written (or not) when the frame leaves.
          tool.channel.group("thin-rows", sessionId!, message, openThinRows)?.add(message.row);
          continue;
        }
        tuple ??= type === "message" ? rowTupleJson(message.row) : chainTupleJson((message as ChainMessage).chain);
        tool.channel.group(type === "message" ? "rows" : "chains", sessionId!, message, openTuples)?.add(tuple);
        continue;
      }
      json ??= channelJson(message);
      tool.channel.sendJson(message, json);
    }
  }

  /** Recent app output, so a tool that connects late (the inspector's terminal) shows it too. */
  private readonly output: LogMessage[] = [];
  private outputChars = 0;
  private keepOutput(message: LogMessage): void {
    this.output.push(message);
    this.outputChars += message.text.length;
    while (this.output.length > 1 && (this.output.length > 1_000 || this.outputChars > 256 * 1024)) this.outputChars -= this.output.shift()!.text.length;
  }

  /** A tool connected: it must say hello (with our version) before it gets anything. */
  connect(channel: Channel<ServerMessage, ClientMessage>, info: { loopback?: boolean } = {}): () => void {
    const tool = new ToolConnection(channel, info.loopback ?? true);
    this.tools.add(tool);
    channel.onMessage((message) => {
      const pending = this.handle(tool, message);
      pending?.catch((err: unknown) => {
        console.error(`weft devserver: answering a tool's '${message.type}' failed:`, err);
        const requestId = (message as { requestId?: unknown }).requestId;
        if (typeof requestId === "number") channel.send({ type: "failure", requestId, code: "INTERNAL", message: (err as Error)?.message ?? String(err) });
      });
    });
    return () => this.tools.delete(tool);
  }

  /**
   * A recording a tool handed over (dropped on the inspector): read (plain or gzip) and checked as
   * `weft replay` reads one, then listed as an ended session for every tool. Rejects with the
   * reader's `RecordingError` (its message says what is wrong with the file).
   */
  async openRecording(bytes: Buffer, name: string): Promise<DeadSession> {
    const inspect = this.context.agent.inspect;
    if (!inspect?.openRecording) throw new Error("this devserver cannot open recordings (its agent's inspect service is off, or the app runs in the browser)");
    return inspect.openRecording(await readRecordingBytes(bytes, name));
  }

  /** Closes every tool's channel (the channel server is stopping). */
  closeAll(): void {
    for (const tool of this.tools) tool.channel.close(ChannelCloseCode.GoingAway, "the devserver is stopping");
    this.tools.clear();
  }

  /** Stops listening to the agent. */
  dispose(): void {
    this.stopListening();
  }

  /** Answers at once for a local agent; a worker's agent answers later (the returned promise). */
  private handle(tool: ToolConnection, message: ClientMessage): void | Promise<void> {
    const { channel } = tool;
    if (!tool.ready && message.type !== "hello") {
      return channel.close(ChannelCloseCode.BadFrame, `expected 'hello' first, got '${message.type}'`);
    }
    if (message.type === "get-swaps") {
      channel.send({ type: "result", requestId: message.requestId, of: "get-swaps", result: { reports: this.context.swaps?.() ?? [] } });
      return;
    }
    // The inspector's requests (edit, eval, history, picker…) are the agent's inspect service's.
    if (isInspectMessage(message)) {
      const inspect = this.context.agent.inspect;
      if (inspect) inspect.handle(message, (m) => channel.send(m), { loopback: tool.loopback });
      else if ("requestId" in message) channel.send({ type: "failure", requestId: message.requestId, code: "UNKNOWN_REQUEST", message: `'${message.type}' needs the agent's inspect service, which is off` });
      return;
    }
    switch (message.type) {
      case "hello": {
        if (message.version !== CHANNEL_VERSION) {
          return channel.close(
            ChannelCloseCode.VersionMismatch,
            `this devserver speaks weft channel ${CHANNEL_VERSION}, the tool ${String(message.version)}; update the tool or weft`,
          );
        }
        tool.ready = true;
        tool.client = String(message.client ?? "");
        if (typeof message.batchMs === "number" && Number.isFinite(message.batchMs)) {
          channel.setBusyFrameInterval(Math.min(message.batchMs, FRAME_INTERVALS.maxBusyMs));
        }
        channel.send(this.context.hello());
        return settle(this.context.agent.sessions(), (sessions) => {
          channel.send({ type: "sessions", sessions });
          for (const m of this.context.backlog()) channel.send(m);
          for (const m of this.output) channel.send(m);
        });
      }
      case "watch": {
        const compact = message.compact === true;
        const watch = { tree: message.tree !== false, messages: message.messages === true, handlers: message.handlers === true, compact, roundTrips: compact && message.roundTrips === true, thin: compact && message.thin === true };
        tool.watches.set(message.sessionId, watch);
        if (!watch.tree) return;
        return settle(this.context.agent.tree(message.sessionId), (root) => {
          if (root) channel.send({ type: "tree", sessionId: message.sessionId, root });
          else channel.send({ type: "session-close", sessionId: message.sessionId, reason: "no such session" });
        });
      }
      case "unwatch":
        tool.watches.delete(message.sessionId);
        return;
      case "get-props":
      case "get-message":
      case "get-stats":
      case "get-source":
      case "get-controls-at":
        return this.answer(tool, message);
      default: {
        const unknown: never = message;
        const type = (unknown as { type: string }).type;
        const requestId = (unknown as { requestId?: unknown }).requestId;
        if (typeof requestId === "number") channel.send({ type: "failure", requestId, code: "UNKNOWN_REQUEST", message: `unknown request '${type}'` });
        return;
      }
    }
  }

  private answer(tool: ToolConnection, request: RequestMessage): void | Promise<void> {
    const { requestId } = request;
    const fail = (code: string, text: string) => tool.channel.send({ type: "failure", requestId, code, message: text });
    const send = (reply: ResultMessage) => tool.channel.send(reply);
    const agent = this.context.agent;
    switch (request.type) {
      case "get-props":
        return settle(agent.props(request.sessionId, request.id), (result) =>
          result ? send({ type: "result", requestId, of: "get-props", result }) : fail("NOT_FOUND", `no control ${request.id} in session ${request.sessionId}`),
        );
      case "get-message":
        return settle(agent.message(request.sessionId, request.seq), (result) =>
          result ? send({ type: "result", requestId, of: "get-message", result }) : fail("NOT_FOUND", `message ${request.seq} of session ${request.sessionId} is no longer kept`),
        );
      case "get-stats":
        return send({ type: "result", requestId, of: "get-stats", result: { ...this.context.stats(), channelClients: this.tools.size } });
      case "get-source":
        return settle(agent.source(request.sessionId, request.id, request.event), (result) => {
          if (result) return send({ type: "result", requestId, of: "get-source", result });
          const what = request.event === undefined ? `where control ${request.id} was created` : `where the ${request.event} handler of control ${request.id} is defined`;
          fail("NOT_FOUND", `not known ${what} in session ${request.sessionId}`);
        });
      case "get-controls-at":
        return settle(agent.controlsAt(request.sessionId, request.file, request.line), (result) =>
          result ? send({ type: "result", requestId, of: "get-controls-at", result }) : fail("NOT_FOUND", `no session ${request.sessionId}`),
        );
      default: {
        const unreachable: never = request;
        return unreachable;
      }
    }
  }

}

export { isDroppable };

const openTreeOps = (_kind: string, sessionId: string) => new TreeOpsGroup(sessionId);
const openThinChains = (_kind: string, sessionId: string) => new ThinChainsGroup(sessionId);
const openThinRows = (_kind: string, sessionId: string) => new ThinRowsGroup(sessionId);
const openTuples = (kind: string, sessionId: string) => new TupleGroup(kind as "rows" | "chains", sessionId);

/**
 * Runs `use` on an agent's answer: at once when the answer is there (the agent of `weft dev`,
 * so replies keep the order of the requests), once it arrives when it is a promise (a tab's
 * worker under `weft dev --static`).
 */
function settle<T>(value: T | Promise<T>, use: (value: T) => void): void | Promise<void> {
  if (value instanceof Promise) return value.then(use);
  use(value);
}
