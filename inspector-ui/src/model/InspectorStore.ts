import { DevtoolsModel, MESSAGE_LOG_CAPACITY, type ChannelEvent, type ChannelState, type SessionList } from "@weft/devtools-client";
import type { HelloFromServer } from "@weft/protocol/channel";
import { AppConsole } from "./appConsole.ts";
import { InspectedTree } from "./inspectedTree.ts";
import { reportFailure, type InspectorChannel, type InspectorContext } from "./inspectorContext.ts";
import { PostMortem } from "./postMortem.ts";
import { Selection } from "./selection.ts";
import { TimeTravel } from "./timeTravel.ts";
import { Topics, type Topic } from "./topics.ts";
import { Traffic } from "./traffic.ts";

export type { Topic };

export interface InspectorStoreOptions {
  /** Message rows kept for the shown session. Default 100,000. */
  messageCapacity?: number;
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
  connection: ChannelState = { status: "connecting", attempt: 0 };
  /** The session the concerns were last reset for. */
  private shownId: string | null = null;

  constructor(
    private readonly channel: InspectorChannel,
    options: InspectorStoreOptions = {},
  ) {
    this.model = new DevtoolsModel({ sessions: { keepEnded: true }, messageCapacity: options.messageCapacity ?? MESSAGE_LOG_CAPACITY });
    const context: InspectorContext = { channel, model: this.model, topics: this.topics };
    this.tree = new InspectedTree(context);
    this.selection = new Selection(context, this.tree);
    this.traffic = new Traffic(context);
    this.timeTravel = new TimeTravel(context, this.tree);
    this.postMortem = new PostMortem(context, this.tree);
    this.console = new AppConsole(context);
    this.model.sessions.subscribe(() => this.topics.notify("sessions"));
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

  // ------------------------------------------------------------------ from the channel

  setConnection(state: ChannelState): void {
    this.connection = state;
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
      case "picked":
        if (message.sessionId === this.sessionId) this.selection.picked(message.id);
        return;
      case "error":
        return this.console.addError({ ...(message.sessionId ? { sessionId: message.sessionId } : {}), where: message.where, error: message.error, at: message.at });
      case "log":
        return this.console.write(message.stream, message.text);
      case "swap":
        return this.selection.refreshProps(); // a swap may have changed the selected control
      default:
        return; // the model's, or newer than this inspector
    }
  }

  private opened(): void {
    this.model.attach((command) => this.channel.send(command));
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
