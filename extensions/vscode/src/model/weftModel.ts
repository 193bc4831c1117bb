import { TreeOpError, type ClientMessage, type HelloFromServer, type ServerMessage, type ServerMessageOf } from "@weft/protocol/channel";
import { Emitter } from "./emitter.ts";
import { MessageLog } from "./messageLog.ts";
import { SessionStore } from "./sessionStore.ts";
import { SwapLog } from "./swapLog.ts";
import { TreeStore } from "./treeStore.ts";

type Handlers = { [K in ServerMessage["type"]]?: (message: ServerMessageOf<K>) => void };

/**
 * Everything the views show, fed by the devserver's messages: the sessions, the watched
 * session's tree and message rows, the swap reports and the build error. The views read it and
 * listen to its stores; commands ask the channel for the rest (props, sources) when needed.
 *
 * It watches one session at a time, the one `sessions` has selected: watching every session
 * would have the devserver send every tree's ops. No VS Code here, so it runs in unit tests.
 */
export class WeftModel {
  readonly sessions = new SessionStore();
  readonly tree = new TreeStore();
  readonly messages = new MessageLog();
  readonly swaps = new SwapLog();
  private helloMessage: HelloFromServer | null = null;
  private watchedId: string | null = null;
  /** After an op that did not fit: ops are ignored until the fresh tree arrives. */
  private resyncing = false;
  private send: ((message: ClientMessage) => void) | null = null;
  private readonly connection = new Emitter<void>();
  private readonly watching = new Emitter<string | null>();
  private readonly problems = new Emitter<string>();
  /** Connected (hello received) or disconnected. */
  readonly onDidChangeConnection = this.connection.event;
  /** The watched session changed (its tree is empty until the devserver answers). */
  readonly onDidChangeWatched = this.watching.event;
  /** Something went wrong that the user may want to know about (shown in the output channel). */
  readonly onProblem = this.problems.event;

  private readonly handlers: Handlers = {
    hello: (m) => {
      this.helloMessage = m;
      this.connection.fire();
    },
    sessions: (m) => this.sessions.replace(m.sessions),
    "session-open": (m) => this.sessions.upsert(m.session),
    "session-update": (m) => this.sessions.upsert(m.session),
    "session-close": (m) => this.sessions.remove(m.sessionId),
    tree: (m) => {
      if (m.sessionId !== this.watchedId) return;
      this.resyncing = false;
      this.tree.reset(m.root);
    },
    "tree-ops": (m) => {
      if (m.sessionId !== this.watchedId || this.resyncing) return;
      try {
        this.tree.apply(m.ops);
      } catch (err) {
        if (!(err instanceof TreeOpError)) throw err;
        this.problems.fire(`the control tree of session ${m.sessionId} went out of step (${err.message}); reloading it`);
        this.resyncing = true;
        this.send?.({ type: "watch", sessionId: m.sessionId, tree: true, messages: false });
      }
    },
    message: (m) => {
      if (m.row.sessionId === this.watchedId) this.messages.add(m.row);
    },
    dropped: (m) => {
      this.messages.dropped += m.count;
    },
    swap: (m) => this.swaps.addReport(m.report),
    "build-error": (m) => this.swaps.setError({ error: m.error, files: m.files, at: m.at }),
    "build-ok": () => this.swaps.setError(null),
    // Handler timings, output and runtime errors are the inspector's; the sidebar leaves them.
  };

  constructor() {
    this.sessions.onDidChangeSelection((id) => this.watch(id));
  }

  get hello(): HelloFromServer | null {
    return this.helloMessage;
  }

  get connected(): boolean {
    return this.helloMessage !== null;
  }

  /** The session whose tree and messages are shown. */
  get watched(): string | null {
    return this.watchedId;
  }

  /** A channel opened: messages go out through `send` (before its hello is handled). */
  attach(send: (message: ClientMessage) => void): void {
    this.send = send;
  }

  /** The channel closed: everything is emptied. */
  detach(): void {
    const was = this.connected;
    this.send = null;
    this.helloMessage = null;
    this.sessions.clear();
    this.swaps.clear();
    if (this.watchedId !== null) this.setWatched(null);
    if (was) this.connection.fire();
  }

  /**
   * One message from the devserver. The channel grows additively (the inspector's messages share
   * it), so types the sidebar has no use for are ignored rather than refused.
   */
  handle(message: ServerMessage): void {
    const handler = this.handlers[message.type] as ((m: ServerMessage) => void) | undefined;
    handler?.(message);
  }

  private watch(id: string | null): void {
    if (id === this.watchedId) return;
    if (this.watchedId) this.send?.({ type: "unwatch", sessionId: this.watchedId });
    this.setWatched(id);
    if (id) this.send?.({ type: "watch", sessionId: id, tree: true, messages: true });
  }

  private setWatched(id: string | null): void {
    this.watchedId = id;
    this.resyncing = false;
    this.tree.reset(null);
    this.messages.clear();
    this.watching.fire(id);
  }
}
