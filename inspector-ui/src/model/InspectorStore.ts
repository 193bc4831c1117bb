import { DevtoolsModel, MESSAGE_LOG_CAPACITY, type ChannelEvent, type ChannelState, type SessionList } from "@weft/devtools-client";
import type { HelloFromServer } from "@weft/protocol/channel";
import { AppConsole } from "./appConsole.ts";
import { InspectedTree } from "./inspectedTree.ts";
import { reportFailure, type InspectorChannel, type InspectorContext } from "./inspectorContext.ts";
import { PostMortem } from "./postMortem.ts";
import { Recordings, type UploadTarget } from "./recordings.ts";
import { Selection } from "./selection.ts";
import { TimeTravel } from "./timeTravel.ts";
import { Topics, type Topic } from "./topics.ts";
import { Traffic } from "./traffic.ts";

export type { Topic };

export interface InspectorStoreOptions {
  /** Message rows kept for the shown session. Default 100,000. */
  messageCapacity?: number;
  /** Where a dropped recording is posted (the devserver's `/recordings`); none: dropping does nothing. */
  upload?: UploadTarget;
}

/** A session to show once it is listed (the page's URL names it: `weft inspect`), at a replay step. */
export interface Focus {
  sessionId: string;
  /** A recording's step (from 1): time travel opens after it, its message selected. */
  step?: number;
}

const everyTopic: Topic[] = ["connection", "sessions", "tree", "selection", "props", "messages", "message", "chains", "swaps", "history", "pick"];

/**
 * The inspector's state, one concern per part: `model` (what every tool shows: the sessions and
 * which is shown, its live tree and message rows, swaps; @weft/devtools-client), `tree` (the
 * inspected tree, live or a snapshot), `selection` (the selected control and its props),
 * `traffic` (messages and causal chains), `timeTravel`, `postMortem` and `console`. The store
 * only routes: channel messages come in through `receive`, the connection through
 * `setConnection`, and views subscribe per topic.
 */
export class InspectorStore {
  readonly topics = new Topics();
  readonly model: DevtoolsModel;
  readonly tree: InspectedTree;
  readonly selection: Selection;
  readonly traffic: Traffic;
  readonly timeTravel: TimeTravel;
  readonly postMortem: PostMortem;
  readonly console: AppConsole;
  readonly recordings: Recordings;
  connection: ChannelState = { status: "connecting", attempt: 0 };
  /**
   * The devserver answers but refuses this page's token: it restarted with another one (a new
   * workspace, or `.weft/token` removed). Only a fresh Inspector URL helps.
   */
  tokenRejected = false;
  private focus: Focus | null = null;
  /** The session the concerns were last reset for. */
  private shownId: string | null = null;

  constructor(
    private readonly channel: InspectorChannel,
    options: InspectorStoreOptions = {},
  ) {
    this.model = new DevtoolsModel({ sessions: { keepEnded: true }, messageCapacity: options.messageCapacity ?? MESSAGE_LOG_CAPACITY, thinRows: true });
    const context: InspectorContext = { channel, model: this.model, topics: this.topics };
    this.tree = new InspectedTree(context);
    this.selection = new Selection(context, this.tree);
    this.traffic = new Traffic(context);
    this.timeTravel = new TimeTravel(context, this.tree);
    this.postMortem = new PostMortem(context, this.tree);
    this.console = new AppConsole(context);
    this.recordings = new Recordings(context, options.upload ?? null);
    this.model.sessions.subscribe(() => {
      this.topics.notify("sessions");
      this.applyFocus();
    });
    this.model.sessions.onSelect((id) => this.shown(id));
    this.model.swaps.subscribe(() => this.topics.notify("swaps"));
  }

  // ------------------------------------------------------------------ for the views

  subscribe(topic: Topic, listener: () => void): () => void {
    return this.topics.subscribe(topic, listener);
  }

  version(topic: Topic): number {
    return this.topics.version(topic);
  }

  get hello(): HelloFromServer | null {
    return this.model.hello;
  }

  get sessions(): SessionList {
    return this.model.sessions;
  }

  /** The shown session (live or ended). */
  get sessionId(): string | null {
    return this.model.sessions.selectedId;
  }

  /** Whether the shown session is live (its tree patched, its controls editable). */
  get showingLive(): boolean {
    return this.model.sessions.isLive(this.sessionId);
  }

  /** Whether the shown session has ended (its tree is the post-mortem's). */
  get showingDead(): boolean {
    return this.model.sessions.isEnded(this.sessionId);
  }

  /** The user picked a session: a live one is watched, an ended one shows its post-mortem. */
  selectSession(sessionId: string): void {
    this.model.sessions.select(sessionId);
  }

  /** `Button#inc` for a control of the shown session, from whichever tree knows it. */
  nameOfControl(id: number): string | undefined {
    return this.tree.nameOf(id);
  }

  /** The shown session, when it is a recording (`weft inspect`, or a dropped file). */
  get shownRecording() {
    const s = this.model.sessions.selected;
    return s && "recording" in s ? s.recording : undefined;
  }

  /** Shows `sessionId` once it is listed (now, if it is), at a recording's `step`. */
  focusOn(focus: Focus): void {
    this.focus = focus;
    this.applyFocus();
  }

  /** The channel stays refused while the devserver answers: say the token changed (or not). */
  setTokenRejected(rejected: boolean): void {
    if (rejected === this.tokenRejected) return;
    this.tokenRejected = rejected;
    this.topics.notify("connection");
  }

  private applyFocus(): void {
    const focus = this.focus;
    const sessions = this.model.sessions;
    if (!focus || !(sessions.isLive(focus.sessionId) || sessions.isEnded(focus.sessionId))) return;
    this.focus = null;
    sessions.select(focus.sessionId);
    const steps = this.shownRecording?.steps;
    if (focus.step === undefined || !steps?.length) return;
    const at = steps[Math.min(focus.step, steps.length) - 1]!;
    const next = steps[focus.step]; // the tree after everything the step's message caused
    this.timeTravel.travel(next === undefined ? null : next - 1);
    this.traffic.selectMessage(at);
  }

  // ------------------------------------------------------------------ from the channel

  setConnection(state: ChannelState): void {
    this.connection = state;
    if (state.status === "open") this.tokenRejected = false;
    // Before the hello's frame is handled: its sessions are watched at once, the shown one again.
    if (state.status === "open") this.opened();
    this.topics.notify("connection");
  }

  receive(message: ChannelEvent): void {
    this.model.handle(message);
    switch (message.type) {
      case "hello":
        return this.topics.notify("connection");
      case "session-dead":
        if (this.sessionId === message.session.id) this.postMortem.load(message.session.id);
        return;
      case "chain":
        return this.traffic.addChain(message.chain);
      case "chains-skipped":
        if (message.sessionId === this.sessionId) this.traffic.chainsSkipped = true;
        return;
      case "picked":
        if (message.sessionId === this.sessionId) this.selection.picked(message.id);
        return;
      case "error":
        return this.console.addError({
          ...(message.sessionId ? { sessionId: message.sessionId } : {}),
          ...(message.id !== undefined ? { id: message.id } : {}),
          where: message.where,
          error: message.error,
          at: message.at,
        });
      case "log":
        return this.console.write(message.stream, message.text);
      case "swap":
        return this.selection.refreshProps(); // a swap may have changed the selected control
      default:
        return; // the model's, or newer than this inspector
    }
  }

  private opened(): void {
    this.model.attach(
      (command) => this.channel.send(command),
      (type, params, options) => this.channel.request(type, params, options),
    );
    this.channel.request("get-dead-sessions", {}).then(
      (answer) => this.model.sessions.addEnded(...answer.sessions),
      (err: unknown) => reportFailure("fetching the ended sessions", err),
    );
  }

  /** Another session is shown: every concern starts afresh for it. */
  private shown(id: string | null): void {
    const previous = this.shownId;
    this.shownId = id;
    this.selection.reset(previous);
    this.tree.reset();
    this.timeTravel.reset();
    this.postMortem.reset();
    this.traffic.reset(id);
    if (id !== null && !this.model.sessions.isLive(id)) this.postMortem.load(id);
    this.topics.notifyNow(...everyTopic);
  }
}
