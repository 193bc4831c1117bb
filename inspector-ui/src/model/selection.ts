import { ChannelError, type TreeChange } from "@weft/devtools-client";
import type { WireNode } from "@weft/protocol";
import type { PropsResult, SetPropResult, SourceLocation } from "@weft/protocol/channel";
import type { InspectedTree } from "./inspectedTree.ts";
import { reportFailure, type InspectorContext } from "./inspectorContext.ts";

export interface PropsState {
  id: number;
  result: PropsResult | null;
  error: string | null;
  /** Handler event → where it is defined (null: not known), filled in as answers come. */
  sources: Record<string, SourceLocation | null>;
}

/**
 * The selected control of the shown session: its props, fetched when it is selected (never
 * before: React DevTools' `inspectElement` lesson) and again when it changes, with where each of
 * its handlers is defined; prop edits; outlining a control in the app page and picking one there.
 */
export class Selection {
  selected: number | null = null;
  props: PropsState | null = null;
  picking = false;
  private propsTimer: ReturnType<typeof setTimeout> | null = null;
  private highlightTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly context: InspectorContext,
    private readonly tree: InspectedTree,
  ) {
    context.model.tree.subscribe((change) => this.liveTreeChanged(change));
  }

  private get sessionId(): string | null {
    return this.context.model.sessions.selectedId;
  }

  private get live(): boolean {
    return this.context.model.sessions.isLive(this.sessionId);
  }

  select(id: number | null): void {
    if (this.selected === id) return;
    this.selected = id;
    if (id !== null) this.tree.shown.reveal(id);
    this.props = id === null ? null : { id, result: null, error: null, sources: {} };
    this.context.topics.notifyNow("selection", "props", "tree");
    if (id !== null && this.live) this.fetchProps(id);
  }

  /** Re-reads the selected control's props (it changed), at most every 100 ms. */
  refreshProps(): void {
    if (this.propsTimer || this.selected === null) return;
    this.propsTimer = setTimeout(() => {
      this.propsTimer = null;
      if (this.selected !== null && this.live) this.fetchProps(this.selected);
    }, 100);
  }

  /**
   * Sets a prop of a control in the live session (null unsets it); `as: "user"` changes a prop the
   * browser changes as the user would, running its `onChange`. Rejects with the devserver's reason.
   */
  async setProp(id: number, name: string, value: string | number | boolean | null, as: "app" | "user" = "app"): Promise<SetPropResult> {
    const sessionId = this.sessionId;
    if (!sessionId || !this.live) throw new ChannelError("NOT_FOUND", "no live session is shown", "set-prop");
    const result = await this.context.channel.request("set-prop", { sessionId, id, name, value, ...(as === "user" ? { as } : {}) });
    if (this.selected === id) this.fetchProps(id);
    return result;
  }

  /** Sets a component's state hook; it renders again. Rejects with the devserver's reason. */
  async setHook(id: number, index: number, value: string | number | boolean | null): Promise<void> {
    const sessionId = this.sessionId;
    if (!sessionId || !this.live) throw new ChannelError("NOT_FOUND", "no live session is shown", "set-hook");
    await this.context.channel.request("set-hook", { sessionId, id, index, value });
    if (this.selected === id) this.refreshProps();
  }

  /** The control and everything under it with every prop (for "copy as JSON"). */
  async subtree(id: number): Promise<WireNode> {
    const sessionId = this.sessionId;
    if (!sessionId) throw new ChannelError("NOT_FOUND", "no session is shown", "get-subtree");
    return (await this.context.channel.request("get-subtree", { sessionId, id })).root;
  }

  /** Outlines a control in the app page (null: none), a little after the pointer settles. */
  highlight(id: number | null): void {
    if (this.highlightTimer) clearTimeout(this.highlightTimer);
    const sessionId = this.sessionId;
    if (!sessionId || !this.live) return;
    this.highlightTimer = setTimeout(() => this.context.channel.send({ type: "highlight", sessionId, id }), id === null ? 80 : 30);
  }

  togglePick(): void {
    const sessionId = this.sessionId;
    if (!sessionId || !this.live) return;
    this.picking = !this.picking;
    this.context.channel.send({ type: "pick", sessionId, on: this.picking });
    this.context.topics.notifyNow("pick");
  }

  /** The app page answered pick mode: a control was clicked (or none). */
  picked(id: number | null): void {
    this.picking = false;
    this.context.topics.notify("pick");
    if (id !== null) this.select(id);
  }

  /** Another session is shown; pick mode in the one before ends. */
  reset(previous: string | null): void {
    if (this.picking && previous && this.context.model.sessions.isLive(previous)) this.context.channel.send({ type: "pick", sessionId: previous, on: false });
    this.selected = null;
    this.props = null;
    this.picking = false;
  }

  private fetchProps(id: number): void {
    const sessionId = this.sessionId!;
    this.context.channel.request("get-props", { sessionId, id }).then(
      (result) => {
        if (this.sessionId !== sessionId || this.selected !== id) return;
        const known = this.props?.id === id ? this.props.sources : {};
        this.props = { id, result, error: null, sources: known };
        this.context.topics.notify("props");
        for (const event of result.handlers) if (!(event in known)) this.fetchSource(sessionId, id, event);
      },
      (err: Error) => {
        if (this.selected !== id) return;
        this.props = { id, result: null, error: err.message, sources: {} };
        this.context.topics.notify("props");
      },
    );
  }

  private fetchSource(sessionId: string, id: number, event: string): void {
    this.context.channel
      .request("get-source", { sessionId, id, event })
      .then(
        (answer): SourceLocation | null => answer.location,
        (err: unknown) => {
          // NOT_FOUND: the devserver does not know where it is defined; the row says "unknown".
          if (!(err instanceof ChannelError && err.code === "NOT_FOUND")) reportFailure(`finding where the ${event} handler of control ${id} is defined`, err);
          return null;
        },
      )
      .then((location) => {
        if (this.props?.id !== id) return;
        this.props = { ...this.props, sources: { ...this.props.sources, [event]: location } };
        this.context.topics.notify("props");
      });
  }

  private liveTreeChanged(change: TreeChange): void {
    if (change.reset || this.selected === null) return;
    if (change.changed.includes(this.selected)) this.refreshProps();
    // The selected control left the live tree (and no snapshot is shown that holds it).
    if (!this.context.model.tree.get(this.selected) && !this.tree.showingFrozen) {
      this.selected = null;
      this.props = null;
      this.context.topics.notify("selection", "props");
    }
  }
}
