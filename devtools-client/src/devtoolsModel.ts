import { TreeOpError, type HelloFromServer } from "@weft/protocol/channel";
import type { ChannelClient, ChannelCommand, ChannelEvent } from "./channelClient.ts";
import { host } from "@weft/protocol";
import { ChannelError } from "./channelError.ts";
import { Emitter, type Unsubscribe } from "./emitter.ts";
import { MESSAGE_LOG_CAPACITY, MessageLog } from "./messageLog.ts";
import { nameOf } from "./names.ts";
import { SessionList, type SessionListOptions } from "./sessionList.ts";
import { SwapLog } from "./swapLog.ts";
import { TreeStore } from "./treeStore.ts";

/** Asks the devserver: the channel client's `request`. */
export type Requester = ChannelClient["request"];

export interface DevtoolsModelOptions {
  sessions?: SessionListOptions;
  /** Message rows kept for the watched session. Default 100,000. */
  messageCapacity?: number;
  /** Swap reports kept. Default 200. */
  swapLimit?: number;
  /**
   * Watch with `thin`: a busy session's frames bring their newest 64 rows, the rest as a gap in
   * the log (`LogRow.gap`), fetched with `fillGaps` when a view needs them. For a tool whose
   * views fill the gaps they show (the inspector's). Default false: every row comes.
   */
  thinRows?: boolean;
}

/**
 * What every tool shows of a running `weft dev`, fed by the channel: the sessions and which one is
 * shown, the shown session's tree and message rows, the swap reports and the build error. The
 * inspector and the VS Code sidebar each put their views (and the inspector its own concerns) on
 * top of it.
 *
 * It watches one session at a time, the one `sessions` has selected (watching every session
 * would have the devserver send every tree's ops). When an op does not fit the tree, it says so
 * (`onProblem`), ignores ops until the whole tree comes again, and asks for it.
 *
 * A tool that opens late still shows what came before it: the rows the agent kept for the
 * session it watches (`get-rows`), and the swap reports the devserver kept (`get-swaps`).
 */
export class DevtoolsModel {
  readonly sessions: SessionList;
  readonly tree = new TreeStore();
  readonly messages: MessageLog;
  readonly swaps: SwapLog;
  private helloMessage: HelloFromServer | null = null;
  private watchedId: string | null = null;
  /** The session this connection asked the devserver to watch. */
  private watching: string | null = null;
  /** After an op that did not fit: ops are ignored until the fresh tree arrives. */
  private resyncing = false;
  private send: ((command: ChannelCommand) => void) | null = null;
  private request: Requester | null = null;
  private readonly connection = new Emitter<HelloFromServer | null>();
  private readonly watches = new Emitter<string | null>();
  private readonly problems = new Emitter<string>();
  private readonly thinRows: boolean;
  /** The fill under way, per session (a view asks again on every render of a gap). */
  private filling: Promise<void> | null = null;

  constructor(options: DevtoolsModelOptions = {}) {
    this.sessions = new SessionList(options.sessions);
    this.messages = new MessageLog(options.messageCapacity ?? MESSAGE_LOG_CAPACITY, (id) => {
      const node = this.tree.get(id);
      return node ? nameOf(node) : undefined;
    });
    this.swaps = new SwapLog(options.swapLimit);
    this.thinRows = options.thinRows === true;
    this.sessions.onSelect((id) => this.follow(id));
  }

  /** The devserver's hello, while connected. */
  get hello(): HelloFromServer | null {
    return this.helloMessage;
  }

  get connected(): boolean {
    return this.helloMessage !== null;
  }

  /** The session whose tree and messages are shown (it may have ended: nothing is watched then). */
  get watched(): string | null {
    return this.watchedId;
  }

  /** The devserver said hello (a hello object) or the model was reset (null). Returns the undo. */
  onConnection(listener: (hello: HelloFromServer | null) => void): Unsubscribe {
    return this.connection.subscribe(listener);
  }

  /** The shown session changed (its tree is empty until the devserver answers). Returns the undo. */
  onWatch(listener: (sessionId: string | null) => void): Unsubscribe {
    return this.watches.subscribe(listener);
  }

  /** Something went wrong the user may want to know about (a tree out of step). Returns the undo. */
  onProblem(listener: (problem: string) => void): Unsubscribe {
    return this.problems.subscribe(listener);
  }

  /**
   * Follows a channel client: its messages feed the model, and on every (re)connection the shown
   * session is watched again. Returns the undo.
   */
  connect(client: ChannelClient): Unsubscribe {
    const request: Requester = (type, params, options) => client.request(type, params, options);
    const undoState = client.onState((state) => {
      if (state.status === "open") this.attach((command) => client.send(command), request);
      else this.send = this.request = null;
    });
    const undoMessages = client.onMessage((message) => this.handle(message));
    if (client.isOpen) this.attach((command) => client.send(command), request);
    return () => {
      undoState();
      undoMessages();
      this.send = this.request = null;
    };
  }

  /**
   * A channel opened: commands go out through `send`, and the backlogs (kept rows, kept swap
   * reports) are asked for through `request` when given. Called before the devserver's hello is
   * handled, so the sessions in the hello's frame can be watched at once; the session shown
   * before a reconnection is watched again.
   */
  attach(send: (command: ChannelCommand) => void, request?: Requester): void {
    this.send = send;
    this.request = request ?? null;
    this.watching = null;
    if (this.watchedId !== null && this.sessions.isLive(this.watchedId)) this.watch(this.watchedId);
  }

  /** Forgets everything (the tool left this devserver). */
  reset(): void {
    this.send = null;
    this.request = null;
    const was = this.helloMessage !== null;
    this.helloMessage = null;
    this.sessions.clear();
    this.swaps.clear();
    this.tree.replace(null);
    this.messages.clear();
    if (was) this.connection.emit(null);
  }

  /**
   * One message from the devserver. The channel grows additively (new message types without a
   * version bump), so types the model has no use for are left to the tool or ignored.
   */
  handle(message: ChannelEvent): void {
    switch (message.type) {
      case "hello": {
        const before = this.helloMessage;
        // Another devserver process (restarted, or another app): nothing known of the old one holds.
        if (before && (before.pid !== message.pid || before.startedAt !== message.startedAt)) this.reset();
        this.helloMessage = message;
        this.connection.emit(message);
        this.backfillSwaps();
        return;
      }
      case "sessions":
        return this.sessions.replace(message.sessions);
      case "session-open":
      case "session-update":
        return this.sessions.upsert(message.session);
      case "session-close":
        return this.sessions.remove(message.sessionId);
      case "session-dead":
        return this.sessions.addEnded(message.session);
      case "tree":
        if (message.sessionId !== this.watchedId) return;
        this.resyncing = false;
        return this.tree.replace(message.root);
      case "tree-ops":
        if (message.sessionId !== this.watchedId || this.resyncing) return;
        try {
          this.tree.apply(message.ops);
        } catch (err) {
          if (!(err instanceof TreeOpError)) throw err;
          this.problems.emit(`the control tree of session ${message.sessionId} went out of step (${err.message}); fetching it again`);
          this.resyncing = true;
          this.watch(message.sessionId);
        }
        return;
      case "message":
        if (message.row.sessionId === this.watchedId) this.messages.push([message.row]);
        return;
      case "rows-skipped":
        if (message.sessionId === this.watchedId) this.messages.pushGap(message.sessionId, message.skipped);
        return;
      case "dropped":
        return this.messages.noteDropped(message.count);
      case "swap":
        return this.swaps.addReport(message.report);
      case "build-error":
        return this.swaps.setError({ files: message.files, error: message.error, at: message.at });
      case "build-ok":
        return this.swaps.setError(null);
      default:
        return; // the tool's own (handler timings, output, chains…), or newer than this model
    }
  }

  private follow(id: string | null): void {
    if (id === this.watchedId) return;
    if (this.watching !== null) this.send?.({ type: "unwatch", sessionId: this.watching });
    this.watching = null;
    this.watchedId = id;
    this.resyncing = false;
    this.tree.replace(null);
    this.messages.clear();
    if (id !== null && this.sessions.isLive(id)) this.watch(id);
    else if (id !== null) this.backfillRows(id); // an ended session: its kept rows are all there is
    this.watches.emit(id);
  }

  /** Asks for the session's whole tree, then its ops and message rows, and the rows kept from before. */
  private watch(sessionId: string): void {
    if (!this.send) return;
    this.send({ type: "watch", sessionId, tree: true, messages: true, ...(this.thinRows ? { thin: true } : {}) });
    this.watching = sessionId;
    this.backfillRows(sessionId);
  }

  /** The rows the agent kept of `sessionId` (an ended one's too): what happened before this tool watched. */
  backfillRows(sessionId: string): void {
    this.request?.("get-rows", { sessionId }).then(
      (answer) => {
        if (this.watchedId === sessionId) this.messages.backfill(answer.rows);
      },
      (err: unknown) => this.failed(`fetching the kept messages of session ${sessionId}`, err),
    );
  }

  /**
   * Fetches the rows of the log's gaps (those overlapping `fromSeq`–`toSeq`, or all) with one
   * `get-rows` over their range, and puts them in their places; what the agent no longer keeps
   * stays a gap that says so. Resolves when done; a fill under way is waited for, not repeated.
   */
  fillGaps(fromSeq?: number, toSeq?: number): Promise<void> {
    if (this.filling) return this.filling.then(() => (this.messages.gaps(fromSeq, toSeq).length > 0 ? this.fillGaps(fromSeq, toSeq) : undefined));
    const sessionId = this.watchedId;
    const gaps = this.messages.gaps(fromSeq, toSeq);
    if (!this.request || sessionId === null || gaps.length === 0) return Promise.resolve();
    this.messages.setLoading(gaps, true);
    const range = { fromSeq: gaps[0]!.fromSeq, toSeq: gaps[gaps.length - 1]!.toSeq };
    const done = this.request("get-rows", { sessionId, ...range }).then(
      (answer) => {
        if (this.watchedId !== sessionId) return;
        // An older agent sends every row it keeps: those of the range are the ones asked for.
        this.messages.fill(gaps, answer.rows.filter((row) => row.seq >= range.fromSeq && row.seq <= range.toSeq));
      },
      (err: unknown) => {
        // Said as not kept (the app cannot give them now), so a view drawing the gap does not ask again and again.
        if (this.watchedId === sessionId) this.messages.fill(gaps, []);
        this.failed(`fetching messages ${range.fromSeq}–${range.toSeq} of session ${sessionId}`, err);
      },
    );
    this.filling = done.finally(() => (this.filling = null));
    return this.filling;
  }

  private backfillSwaps(): void {
    this.request?.("get-swaps", {}).then(
      (answer) => this.swaps.addReports(answer.reports),
      (err: unknown) => this.failed("fetching the kept swap reports", err),
    );
  }

  /**
   * A backlog could not be fetched: said in the console with what was being done (the views
   * still show what comes from now on). An older devserver that does not know the request, or a
   * channel that closed meanwhile, is no problem.
   */
  private failed(what: string, err: unknown): void {
    if (err instanceof ChannelError && (err.code === "UNKNOWN_REQUEST" || err.code === "CLOSED" || err.code === "NOT_CONNECTED")) return;
    host.console.error(`[weft devtools] ${what} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
