import {
  TreeOpError,
  type CausalChain,
  type ClientMessage,
  type DeadSession,
  type ErrorInfo,
  type HelloFromServer,
  type HistoryResult,
  type MessageRow,
  type PostMortemResult,
  type PropsResult,
  type ServerMessage,
  type SessionInfo,
  type SourceLocation,
  type SwapReport,
  type TreeOpsMessage,
} from "@weft/protocol/channel";
import { RequestError, type ChannelState, type ResultOf } from "../channel/channelClient.ts";
import { LogBuffer } from "./logBuffer.ts";
import { MessageLog, type MessageFilter } from "./messageLog.ts";
import { nameOf, TreeModel } from "./treeModel.ts";

/** What the store needs from the channel (the ChannelClient, or a fake in tests and benchmarks). */
export interface StoreTransport {
  send(message: ClientMessage): void;
  request<T extends string>(message: { type: T } & Record<string, unknown>): Promise<unknown>;
}

/** Parts of the state a view can subscribe to. */
export type Topic =
  | "connection"
  | "sessions"
  | "tree"
  | "selection"
  | "props"
  | "messages"
  | "message"
  | "chains"
  | "swaps"
  | "history"
  | "pick";

export interface PropsState {
  id: number;
  result: PropsResult | null;
  error: string | null;
  /** Handler event → where it is defined (null: unknown), filled in as answers come. */
  sources: Record<string, SourceLocation | null>;
}

export interface HistoryState {
  /** The message the tree is shown after; null: live. */
  seq: number | null;
  result: HistoryResult | null;
  loading: boolean;
  error: string | null;
}

export interface ErrorEntry {
  sessionId?: string;
  where: string;
  error: ErrorInfo;
  at: number;
}

/** Bounds of everything the inspector keeps (docs/inspector.md, "Memory"). */
export const storeLimits = {
  messages: 100_000,
  chains: 2_000,
  swaps: 200,
  errors: 200,
  logChars: 2_000_000,
};

/**
 * The inspector's state and the one place it changes: channel messages come in through
 * `receive`, user actions through the methods below, and views subscribe per topic
 * (`useSyncExternalStore` reads a version number per topic, so a patch to the tree re-renders
 * the tree, not the message list).
 */
export class InspectorStore {
  connection: ChannelState = { status: "connecting", attempt: 0 };
  hello: HelloFromServer | null = null;
  readonly sessions = new Map<string, SessionInfo>();
  readonly dead = new Map<string, DeadSession>();
  /** The session the views show (live or ended). */
  sessionId: string | null = null;
  /** The watched session's live tree. */
  readonly tree = new TreeModel();
  /** The tree shown instead of the live one: a time-travel snapshot or a post-mortem. */
  readonly frozenTree = new TreeModel();
  treeError: string | null = null;
  /** The selected control. */
  selected: number | null = null;
  /** When each control's line last changed (for the view's flash). */
  readonly flashes = new Map<number, number>();
  props: PropsState | null = null;
  readonly messages: MessageLog;
  /** The selected message row and its text, when fetched. */
  selectedMessage: number | null = null;
  messageText: { seq: number; text: string | null; error: string | null } | null = null;
  /** Causal chains of the watched session, by the event row's seq. */
  readonly chains = new Map<number, CausalChain>();
  /** A patch row's seq → the event row whose chain it belongs to. */
  readonly chainOfPatch = new Map<number, number>();
  swaps: SwapReport[] = [];
  buildError: { files: string[]; error: ErrorInfo; at: number } | null = null;
  errors: ErrorEntry[] = [];
  history: HistoryState = { seq: null, result: null, loading: false, error: null };
  postmortem: PostMortemResult | null = null;
  picking = false;
  dropped = 0;
  readonly log = new LogBuffer(storeLimits.logChars);

  private readonly versions = new Map<Topic, number>();
  private readonly listeners = new Map<Topic, Set<() => void>>();
  private propsTimer: ReturnType<typeof setTimeout> | null = null;
  private highlightTimer: ReturnType<typeof setTimeout> | null = null;
  private historyToken = 0;

  constructor(
    private readonly transport: StoreTransport,
    options: { messageCapacity?: number } = {},
  ) {
    this.messages = new MessageLog(options.messageCapacity ?? storeLimits.messages, (id) => this.nameOfControl(id));
  }

  // ------------------------------------------------------------------ subscriptions

  subscribe(topic: Topic, listener: () => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  version(topic: Topic): number {
    return this.versions.get(topic) ?? 0;
  }

  /**
   * Marks topics changed. Views hear of it at most every other display frame (33 ms), and of the
   * traffic (message rows, chains) at most ten times a second: the first change after a quiet
   * spell right away (at the end of the current task), changes under load together, so 2,000
   * messages a second cost ten renders of the list, not 2,000, and the inspected app keeps its
   * CPU (on a 2-core machine, the inspector's rendering competes with the app).
   */
  private notify(...topics: Topic[]): void {
    for (const topic of topics) {
      this.versions.set(topic, (this.versions.get(topic) ?? 0) + 1);
      (trafficTopics.has(topic) ? this.traffic : this.views).mark(topic);
    }
  }

  /** A user's action: the views show its effect now, not at the next throttled frame. */
  private notifyNow(...topics: Topic[]): void {
    for (const topic of topics) this.versions.set(topic, (this.versions.get(topic) ?? 0) + 1);
    this.call(topics);
  }

  private readonly call = (topics: Iterable<Topic>) => {
    const called = new Set<() => void>();
    for (const topic of topics) {
      for (const listener of this.listeners.get(topic) ?? []) {
        if (called.has(listener)) continue;
        called.add(listener);
        listener();
      }
    }
  };
  private readonly views = new Throttle(33, this.call);
  private readonly traffic = new Throttle(100, this.call);

  // ------------------------------------------------------------------ from the channel

  setConnection(state: ChannelState): void {
    this.connection = state;
    this.notify("connection");
  }

  /** The channel (re)opened: ask for what a fresh inspector needs. */
  ready(): void {
    this.transport
      .request({ type: "get-dead-sessions" })
      .then((r) => {
        for (const s of (r as ResultOf<"get-dead-sessions">).sessions) this.dead.set(s.id, s);
        this.notify("sessions");
      })
      .catch(() => {});
    if (this.sessionId && this.sessions.has(this.sessionId)) this.watch(this.sessionId);
  }

  receive(message: ServerMessage): void {
    switch (message.type) {
      case "hello":
        this.hello = message;
        this.notify("connection");
        return;
      case "sessions": {
        this.sessions.clear();
        for (const s of message.sessions) this.sessions.set(s.id, s);
        this.notify("sessions");
        if (!this.sessionId || (!this.sessions.has(this.sessionId) && !this.dead.has(this.sessionId))) this.selectDefaultSession();
        return;
      }
      case "session-open":
        this.sessions.set(message.session.id, message.session);
        this.notify("sessions");
        if (!this.sessionId) this.selectDefaultSession(); // never away from what the user looks at
        return;
      case "session-update":
        this.sessions.set(message.session.id, message.session);
        this.notify("sessions");
        return;
      case "session-close":
        this.sessions.delete(message.sessionId);
        this.notify("sessions");
        return;
      case "session-dead":
        this.dead.set(message.session.id, message.session);
        while (this.dead.size > 20) this.dead.delete(this.dead.keys().next().value!);
        this.notify("sessions");
        if (this.sessionId === message.session.id) this.loadPostmortem(message.session.id);
        return;
      case "tree":
        if (message.sessionId !== this.sessionId) return;
        this.tree.replace(message.root);
        this.treeError = null;
        this.notify("tree");
        return;
      case "tree-ops":
        if (message.sessionId !== this.sessionId) return;
        this.applyTreeOps(message);
        return;
      case "message":
        if (message.row.sessionId !== this.sessionId) return;
        this.messages.push([message.row]);
        this.notify("messages");
        if (this.history.seq === null && this.history.result) this.notify("history"); // the slider's range grew
        return;
      case "chain":
        if (message.chain.sessionId !== this.sessionId) return;
        this.addChain(message.chain);
        return;
      case "picked":
        if (message.sessionId !== this.sessionId) return;
        this.picking = false;
        this.notify("pick");
        if (message.id !== null) this.select(message.id);
        return;
      case "error":
        this.errors.push({ ...(message.sessionId ? { sessionId: message.sessionId } : {}), where: message.where, error: message.error, at: message.at });
        if (this.errors.length > storeLimits.errors) this.errors.shift();
        this.notify("swaps");
        return;
      case "log":
        this.log.write(message.stream === "stderr" ? `\x1b[31m${message.text}\x1b[39m` : message.text);
        return;
      case "swap":
        if (this.swaps.some((s) => s.id === message.report.id)) return;
        this.swaps.push(message.report);
        if (this.swaps.length > storeLimits.swaps) this.swaps.shift();
        this.notify("swaps");
        if (this.selected !== null) this.refreshProps();
        return;
      case "build-error":
        this.buildError = { files: message.files, error: message.error, at: message.at };
        this.notify("swaps");
        return;
      case "build-ok":
        this.buildError = null;
        this.notify("swaps");
        return;
      case "dropped":
        this.dropped += message.count;
        this.notify("messages");
        return;
      case "handler":
      case "blocked":
      case "result":
      case "failure":
        return;
      default: {
        // A newer devserver may say more than this inspector knows: ignore it.
        return;
      }
    }
  }

  private applyTreeOps(message: TreeOpsMessage): void {
    try {
      this.tree.apply(message.ops);
    } catch (err) {
      if (!(err instanceof TreeOpError)) throw err;
      // Our copy drifted: say so, and fetch the whole tree again.
      this.treeError = `${err.message}; fetched the tree again`;
      console.error(`[weft inspector] ${err.message}`, err.op);
      if (this.sessionId) this.transport.send({ type: "watch", sessionId: this.sessionId, tree: true, messages: true });
    }
    const now = performance.now();
    for (const id of this.tree.lastChanged) this.flashes.set(id, now);
    if (this.flashes.size > 5_000) for (const [id, t] of this.flashes) if (now - t > 1_000) this.flashes.delete(id);
    this.notify("tree");
    if (this.selected !== null && this.tree.lastChanged.includes(this.selected)) this.refreshProps();
    if (this.selected !== null && !this.tree.get(this.selected) && this.history.seq === null && !this.postmortem) {
      this.selected = null;
      this.props = null;
      this.notify("selection", "props");
    }
  }

  private addChain(chain: CausalChain): void {
    this.chains.set(chain.seq, chain);
    for (const p of chain.patches) if (p.seq !== null) this.chainOfPatch.set(p.seq, chain.seq);
    if (this.chains.size > storeLimits.chains) {
      const oldest = this.chains.keys().next().value!;
      for (const p of this.chains.get(oldest)!.patches) if (p.seq !== null) this.chainOfPatch.delete(p.seq);
      this.chains.delete(oldest);
    }
    this.notify("chains");
  }

  // ------------------------------------------------------------------ sessions

  private selectDefaultSession(): void {
    const live = [...this.sessions.values()].sort((a, b) => b.createdAt - a.createdAt);
    const next = live.find((s) => s.state === "connected") ?? live[0];
    if (next) this.selectSession(next.id);
  }

  /** Shows a session: a live one is watched (tree and messages), an ended one shows its post-mortem. */
  selectSession(sessionId: string): void {
    if (this.sessionId === sessionId) return;
    const previous = this.sessionId;
    if (previous && this.sessions.has(previous)) this.transport.send({ type: "unwatch", sessionId: previous });
    if (this.picking && previous) this.transport.send({ type: "pick", sessionId: previous, on: false });
    this.sessionId = sessionId;
    this.selected = null;
    this.props = null;
    this.picking = false;
    this.treeError = null;
    this.tree.replace(null);
    this.frozenTree.replace(null);
    this.flashes.clear();
    this.messages.clear();
    this.selectedMessage = null;
    this.messageText = null;
    this.chains.clear();
    this.chainOfPatch.clear();
    this.history = { seq: null, result: null, loading: false, error: null };
    this.postmortem = null;
    if (this.sessions.has(sessionId)) this.watch(sessionId);
    else this.loadPostmortem(sessionId);
    this.backfill(sessionId);
    this.notifyNow("sessions", "tree", "selection", "props", "messages", "message", "chains", "history", "pick");
  }

  /** The rows and chains the agent kept from before we watched. */
  private backfill(sessionId: string): void {
    this.transport
      .request({ type: "get-rows", sessionId })
      .then((r) => {
        if (this.sessionId !== sessionId) return;
        const rows = (r as ResultOf<"get-rows">).rows as MessageRow[];
        // Rows that arrived live meanwhile are skipped by seq; the backlog goes first.
        const live = this.messages.all();
        this.messages.clear();
        this.messages.push([...rows, ...live].sort((a, b) => a.seq - b.seq));
        this.notify("messages");
      })
      .catch(() => {});
    this.transport
      .request({ type: "get-chains", sessionId })
      .then((r) => {
        if (this.sessionId !== sessionId) return;
        for (const chain of (r as ResultOf<"get-chains">).chains) if (!this.chains.has(chain.seq)) this.addChain(chain);
      })
      .catch(() => {});
  }

  private watch(sessionId: string): void {
    this.transport.send({ type: "watch", sessionId, tree: true, messages: true });
  }

  loadPostmortem(sessionId: string): void {
    this.transport
      .request({ type: "get-postmortem", sessionId })
      .then((r) => {
        if (this.sessionId !== sessionId) return;
        this.postmortem = r as PostMortemResult;
        if (this.postmortem.dead) {
          this.frozenTree.replace(this.postmortem.root);
          this.notify("tree");
        }
        this.notify("history");
      })
      .catch((err: Error) => {
        if (this.sessionId !== sessionId) return;
        this.treeError = err.message;
        this.notify("tree");
      });
  }

  /** The tree's folding changed (the view re-reads its rows). */
  refreshTree(): void {
    this.notifyNow("tree");
  }

  /** Whether the shown session has ended (its tree is the post-mortem's). */
  get showingDead(): boolean {
    return this.sessionId !== null && !this.sessions.has(this.sessionId) && this.dead.has(this.sessionId);
  }

  /** The tree the views show: a snapshot (time travel, post-mortem) or the live one. */
  get shownTree(): TreeModel {
    return this.history.seq !== null || this.showingDead ? this.frozenTree : this.tree;
  }

  // ------------------------------------------------------------------ selection and props

  select(id: number | null): void {
    if (this.selected === id) return;
    this.selected = id;
    if (id !== null) this.shownTree.reveal(id);
    this.props = id === null ? null : { id, result: null, error: null, sources: {} };
    this.notifyNow("selection", "props", "tree");
    if (id !== null && this.sessions.has(this.sessionId ?? "")) this.fetchProps(id);
  }

  /** Re-reads the selected control's props (it changed), at most every 100 ms. */
  refreshProps(): void {
    if (this.propsTimer) return;
    this.propsTimer = setTimeout(() => {
      this.propsTimer = null;
      if (this.selected !== null && this.sessions.has(this.sessionId ?? "")) this.fetchProps(this.selected);
    }, 100);
  }

  private fetchProps(id: number): void {
    const sessionId = this.sessionId!;
    this.transport
      .request({ type: "get-props", sessionId, id })
      .then((r) => {
        if (this.sessionId !== sessionId || this.selected !== id) return;
        const result = r as PropsResult;
        const known = this.props?.id === id ? this.props.sources : {};
        this.props = { id, result, error: null, sources: known };
        this.notify("props");
        for (const event of result.handlers) {
          if (event in known) continue;
          this.transport
            .request({ type: "get-source", sessionId, id, event })
            .then((s) => (s as { location: SourceLocation }).location, () => null)
            .then((location) => {
              if (this.props?.id !== id) return;
              this.props = { ...this.props, sources: { ...this.props.sources, [event]: location } };
              this.notify("props");
            });
        }
      })
      .catch((err: Error) => {
        if (this.selected !== id) return;
        this.props = { id, result: null, error: err.message, sources: {} };
        this.notify("props");
      });
  }

  /** Sets a prop of the selected control in the live session. Rejects with the devserver's reason. */
  async setProp(id: number, name: string, value: string | number | boolean | null): Promise<void> {
    if (!this.sessionId) throw new RequestError("NO_SESSION", "no session selected");
    await this.transport.request({ type: "set-prop", sessionId: this.sessionId, id, name, value });
    if (this.selected === id) this.fetchProps(id);
  }

  /** Outlines a control in the app page (null: none), a little after the pointer settles. */
  highlight(id: number | null): void {
    if (this.highlightTimer) clearTimeout(this.highlightTimer);
    const sessionId = this.sessionId;
    if (!sessionId || !this.sessions.has(sessionId)) return;
    this.highlightTimer = setTimeout(() => this.transport.send({ type: "highlight", sessionId, id }), id === null ? 80 : 30);
  }

  togglePick(): void {
    const sessionId = this.sessionId;
    if (!sessionId || !this.sessions.has(sessionId)) return;
    this.picking = !this.picking;
    this.transport.send({ type: "pick", sessionId, on: this.picking });
    this.notifyNow("pick");
  }

  // ------------------------------------------------------------------ messages

  setFilter(filter: MessageFilter): void {
    this.messages.setFilter(filter);
    this.notifyNow("messages");
  }

  pause(on: boolean): void {
    this.messages.pause(on);
    this.notifyNow("messages");
  }

  clearMessages(): void {
    this.messages.clear();
    this.notifyNow("messages");
  }

  selectMessage(seq: number | null): void {
    this.selectedMessage = seq;
    this.messageText = seq === null ? null : { seq, text: null, error: null };
    this.notifyNow("message");
    if (seq === null || !this.sessionId) return;
    const sessionId = this.sessionId;
    this.transport
      .request({ type: "get-message", sessionId, seq })
      .then((r) => {
        if (this.selectedMessage !== seq || this.sessionId !== sessionId) return;
        this.messageText = { seq, text: (r as ResultOf<"get-message">).text, error: null };
        this.notify("message");
      })
      .catch((err: Error) => {
        if (this.selectedMessage !== seq) return;
        this.messageText = { seq, text: null, error: err.message };
        this.notify("message");
      });
  }

  /** The chain a row belongs to: an event's own, or the one a patch was sent for. */
  chainOfRow(seq: number): CausalChain | undefined {
    return this.chains.get(seq) ?? this.chains.get(this.chainOfPatch.get(seq) ?? -1);
  }

  // ------------------------------------------------------------------ time travel

  /** Shows the tree as it was after message `seq`; null goes back to live. */
  travel(seq: number | null): void {
    const sessionId = this.sessionId;
    if (!sessionId) return;
    const token = ++this.historyToken;
    if (seq === null && !this.showingDead) {
      this.history = { seq: null, result: this.history.result, loading: false, error: null };
      this.notifyNow("history", "tree");
      return;
    }
    this.history = { ...this.history, seq, loading: true, error: null };
    this.notifyNow("history");
    this.transport
      .request({ type: "get-history", sessionId, ...(seq === null ? {} : { seq }) })
      .then((r) => {
        if (token !== this.historyToken) return;
        const result = r as HistoryResult;
        this.history = { seq: seq === null ? null : result.seq, result, loading: false, error: null };
        this.frozenTree.replace(result.root);
        this.notify("history", "tree");
      })
      .catch((err: Error) => {
        if (token !== this.historyToken) return;
        this.history = { ...this.history, loading: false, error: err.message };
        this.notify("history");
      });
  }

  /** Asks for the slider's range without leaving live view. */
  loadHistoryRange(): void {
    const sessionId = this.sessionId;
    if (!sessionId) return;
    this.transport
      .request({ type: "get-history", sessionId })
      .then((r) => {
        if (this.sessionId !== sessionId || this.history.seq !== null) return;
        this.history = { ...this.history, result: r as HistoryResult };
        this.notify("history");
      })
      .catch(() => {});
  }

  // ------------------------------------------------------------------ console

  /** Evaluates in the shown session with `$sel` = the selected control; the result goes to the terminal. */
  async evaluate(expression: string): Promise<void> {
    const sessionId = this.sessionId && this.sessions.has(this.sessionId) ? this.sessionId : null;
    this.log.write(`\x1b[36m› \x1b[39m${expression.replace(/\n/g, "\r\n  ")}\r\n`);
    try {
      const result = (await this.transport.request({ type: "eval", sessionId, selected: this.selected, expression })) as ResultOf<"eval">;
      this.log.write(`${result.text.replace(/\r?\n/g, "\r\n")}\r\n`);
    } catch (err) {
      this.log.write(`\x1b[31m${(err as Error).message}\x1b[39m\r\n`);
    }
  }

  // ------------------------------------------------------------------ names

  /** `Button#inc` for a control of the shown session, from whichever tree knows it. */
  nameOfControl(id: number): string | undefined {
    const item = this.tree.get(id) ?? this.frozenTree.get(id);
    return item ? nameOf(item) : undefined;
  }
}

/** Topics that change with every frame of the app's traffic. */
const trafficTopics = new Set<Topic>(["messages", "chains"]);

/** Collects topics and hands them over at most once per `intervalMs` (leading edge after a pause). */
class Throttle {
  private readonly dirty = new Set<Topic>();
  private scheduled = false;
  private last = -Infinity;

  constructor(
    private readonly intervalMs: number,
    private readonly deliver: (topics: Iterable<Topic>) => void,
  ) {}

  mark(topic: Topic): void {
    this.dirty.add(topic);
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.last + this.intervalMs - performance.now();
    if (wait <= 0) queueMicrotask(this.flush);
    else setTimeout(this.flush, wait);
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    this.last = performance.now();
    const topics = [...this.dirty];
    this.dirty.clear();
    this.deliver(topics);
  };
}
