import type { PostMortemResult } from "@weft/protocol/channel";
import type { InspectedTree } from "./inspectedTree.ts";
import type { InspectorContext } from "./inspectorContext.ts";

/**
 * What the agent kept of a session for a post-mortem: its errors, and for an ended session its
 * last tree (shown instead of the live one) and why it ended. Asked for when an ended session is
 * shown, when the shown one ends, and for a live session whose `main` threw.
 */
export class PostMortem {
  result: PostMortemResult | null = null;

  constructor(
    private readonly context: InspectorContext,
    private readonly tree: InspectedTree,
  ) {}

  load(sessionId: string): void {
    const { channel, model, topics } = this.context;
    channel.request("get-postmortem", { sessionId }).then(
      (result) => {
        if (model.sessions.selectedId !== sessionId) return;
        this.result = result;
        if (result.dead) this.tree.showFrozen(result.root);
        topics.notify("history");
      },
      (err: Error) => {
        if (model.sessions.selectedId !== sessionId) return;
        this.tree.error = `no post-mortem of session ${sessionId}: ${err.message}`;
        topics.notify("tree");
      },
    );
  }

  /** Another session is shown. */
  reset(): void {
    this.result = null;
  }
}
