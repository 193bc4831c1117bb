import type { HistoryResult } from "@weft/protocol/channel";
import type { InspectedTree } from "./inspectedTree.ts";
import { reportFailure, type InspectorContext } from "./inspectorContext.ts";

export interface HistoryState {
  /** The message the tree is shown after; null: live. */
  seq: number | null;
  result: HistoryResult | null;
  loading: boolean;
  error: string | null;
}

const live: HistoryState = { seq: null, result: null, loading: false, error: null };

/**
 * Time travel over the shown session's history (the agent keeps it): the tree as it was after
 * an earlier message, with the next patch's changes before and after. Looking back never changes
 * the app: the snapshot is shown instead of the live tree.
 */
export class TimeTravel {
  history: HistoryState = live;
  /** Answers to an older `travel` are ignored once a newer one was asked. */
  private token = 0;

  constructor(
    private readonly context: InspectorContext,
    private readonly tree: InspectedTree,
  ) {
    // Watching live: the slider's range grows with every message.
    context.model.messages.subscribe(() => {
      if (this.history.seq === null && this.history.result) context.topics.notify("history");
    });
  }

  /** Shows the tree as it was after message `seq`; null goes back to live (or, for an ended session, to its end). */
  travel(seq: number | null): void {
    const { model, channel, topics } = this.context;
    const sessionId = model.sessions.selectedId;
    if (!sessionId) return;
    const token = ++this.token;
    if (seq === null && !model.sessions.isEnded(sessionId)) {
      this.history = { ...live, result: this.history.result };
      this.tree.showLive();
      topics.notifyNow("history", "tree");
      return;
    }
    this.history = { ...this.history, seq, loading: true, error: null };
    topics.notifyNow("history");
    // The slider steps over every message: the rows of a busy spell's gaps come first.
    if (model.messages.gaps().length > 0) void model.fillGaps().then(() => topics.notify("history", "messages"));
    channel.request("get-history", { sessionId, ...(seq === null ? {} : { seq }) }).then(
      (result) => {
        if (token !== this.token) return;
        this.history = { seq: seq === null ? null : result.seq, result, loading: false, error: null };
        this.tree.showFrozen(result.root);
        topics.notify("history", "tree");
      },
      (err: Error) => {
        if (token !== this.token) return;
        this.history = { ...this.history, loading: false, error: err.message };
        topics.notify("history");
      },
    );
  }

  /** Asks for the slider's range without leaving the live view. */
  loadRange(): void {
    const { model, channel, topics } = this.context;
    const sessionId = model.sessions.selectedId;
    if (!sessionId) return;
    channel.request("get-history", { sessionId }).then(
      (result) => {
        if (model.sessions.selectedId !== sessionId || this.history.seq !== null) return;
        this.history = { ...this.history, result };
        topics.notify("history");
      },
      (err: unknown) => reportFailure(`fetching the history of session ${sessionId}`, err),
    );
  }

  /** Another session is shown. */
  reset(): void {
    this.token++;
    this.history = live;
  }
}
