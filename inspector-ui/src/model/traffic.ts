import type { MessageFilter, MessageLog } from "@weft/devtools-client";
import type { CausalChain } from "@weft/protocol/channel";
import { reportFailure, type InspectorContext } from "./inspectorContext.ts";

/** Bounds of what the inspector keeps of the traffic (docs/inspector.md, "Memory"). */
export const trafficLimits = { chains: 2_000 };

export interface MessageText {
  seq: number;
  text: string | null;
  error: string | null;
}

/**
 * The shown session's traffic: its message rows (the shared model's log, with the view's filter
 * and pause), the selected row and its text (fetched when selected), and the causal chain of each
 * browser event, linked from the patches it sent.
 */
export class Traffic {
  /** The selected message row and its text, when fetched. */
  selectedMessage: number | null = null;
  messageText: MessageText | null = null;
  /** Causal chains of the shown session, by the event row's seq. */
  readonly chains = new Map<number, CausalChain>();
  /** A patch row's seq → the event row whose chain it belongs to. */
  private readonly chainOfPatch = new Map<number, number>();
  /** A thinned frame left chains out (`chains-skipped`): a row without its chain fetches them. */
  chainsSkipped = false;
  private fetchingChains: Promise<void> | null = null;

  constructor(private readonly context: InspectorContext) {
    context.model.messages.subscribe((change) => {
      context.topics.notify("messages");
      // A search must find every kept row: gaps that came while it is on are filled too.
      if (change.type === "append" && this.log.filter.text && change.rows.some((row) => row.gap)) void this.fillGaps();
    });
  }

  /**
   * Fetches the rows of the log's gaps (a busy session's thinned frames, `LogRow.gap`) that
   * overlap `fromSeq`–`toSeq`, or all of them: a gap scrolled into view, a search, time travel.
   */
  fillGaps(fromSeq?: number, toSeq?: number): Promise<void> {
    const { model, topics } = this.context;
    if (model.messages.gaps(fromSeq, toSeq).length === 0) return Promise.resolve();
    const done = model.fillGaps(fromSeq, toSeq);
    topics.notifyNow("messages"); // "loading…"
    // The rows drawn now show their event's round trip and open its chain: the chains left out come too.
    return done.then(() => {
      topics.notify("messages");
      return this.fetchSkippedChains();
    });
  }

  /** The chains thinned frames left out, from the agent (it keeps a session's newest 1,000). */
  fetchSkippedChains(): Promise<void> {
    const sessionId = this.context.model.sessions.selectedId;
    if (!this.chainsSkipped || sessionId === null) return Promise.resolve();
    this.fetchingChains ??= this.backfill(sessionId).finally(() => (this.fetchingChains = null));
    return this.fetchingChains;
  }

  get log(): MessageLog {
    return this.context.model.messages;
  }

  setFilter(filter: MessageFilter): void {
    this.log.setFilter(filter);
    this.context.topics.notifyNow("messages");
    if (filter.text) void this.fillGaps();
  }

  pause(on: boolean): void {
    this.log.pause(on);
    this.context.topics.notifyNow("messages");
  }

  clear(): void {
    this.log.clear();
    this.context.topics.notifyNow("messages");
  }

  selectMessage(seq: number | null): void {
    this.selectedMessage = seq;
    this.messageText = seq === null ? null : { seq, text: null, error: null };
    this.context.topics.notifyNow("message");
    const sessionId = this.context.model.sessions.selectedId;
    if (seq === null || !sessionId) return;
    if (!this.chainOfRow(seq)) void this.fetchSkippedChains();
    this.context.channel.request("get-message", { sessionId, seq }).then(
      (answer) => {
        if (this.selectedMessage !== seq || this.context.model.sessions.selectedId !== sessionId) return;
        this.messageText = { seq, text: answer.text, error: null };
        this.context.topics.notify("message");
      },
      (err: Error) => {
        if (this.selectedMessage !== seq) return;
        this.messageText = { seq, text: null, error: err.message };
        this.context.topics.notify("message");
      },
    );
  }

  /** The chain a row belongs to: an event's own, or the one a patch was sent for. */
  chainOfRow(seq: number): CausalChain | undefined {
    return this.chains.get(seq) ?? this.chains.get(this.chainOfPatch.get(seq) ?? -1);
  }

  addChain(chain: CausalChain): void {
    if (chain.sessionId !== this.context.model.sessions.selectedId) return;
    this.chains.set(chain.seq, chain);
    for (const p of chain.patches) if (p.seq !== null) this.chainOfPatch.set(p.seq, chain.seq);
    if (this.chains.size > trafficLimits.chains) {
      const oldest = this.chains.keys().next().value!;
      for (const p of this.chains.get(oldest)!.patches) if (p.seq !== null) this.chainOfPatch.delete(p.seq);
      this.chains.delete(oldest);
    }
    this.context.topics.notify("chains");
  }

  /** Another session is shown: the chains the agent kept from before we watched come first (the shared model fetches the rows). */
  reset(sessionId: string | null): void {
    this.selectedMessage = null;
    this.messageText = null;
    this.chains.clear();
    this.chainOfPatch.clear();
    this.chainsSkipped = false;
    if (sessionId !== null) void this.backfill(sessionId);
  }

  private backfill(sessionId: string): Promise<void> {
    const { channel, model } = this.context;
    return channel.request("get-chains", { sessionId }).then(
      (answer) => {
        if (model.sessions.selectedId !== sessionId) return;
        for (const chain of answer.chains) if (!this.chains.has(chain.seq)) this.addChain(chain);
      },
      (err: unknown) => reportFailure(`fetching the causal chains of session ${sessionId}`, err),
    );
  }
}
