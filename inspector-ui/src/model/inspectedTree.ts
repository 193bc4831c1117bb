import { nameOf, TreeStore, type TreeChange } from "@weft/devtools-client";
import type { TreeNode } from "@weft/protocol/channel";
import type { InspectorContext } from "./inspectorContext.ts";
import { TreeRows } from "./treeRows.ts";

/**
 * The inspected tree: the shown session's live tree (the shared model's store, patched by the
 * devserver's ops) or, instead of it, a frozen one (a time-travel snapshot, a post-mortem), each
 * with its folding; when each line last changed (the view's flash); and why the tree had to be
 * fetched again, when it did.
 */
export class InspectedTree {
  readonly live: TreeRows;
  readonly frozen = new TreeRows(new TreeStore());
  /** Why the live tree went out of step (and was fetched again), until the next whole tree. */
  error: string | null = null;
  /** When each control's line last changed (`performance.now()`), for the view's flash. */
  readonly flashes = new Map<number, number>();
  private frozenShown = false;

  constructor(private readonly context: InspectorContext) {
    this.live = new TreeRows(context.model.tree);
    context.model.tree.subscribe((change) => this.liveChanged(change));
    context.model.onProblem((problem) => {
      this.error = problem;
      console.error(`[weft inspector] ${problem}`);
      context.topics.notify("tree");
    });
  }

  /** The tree the views show: a snapshot (time travel, post-mortem) or the live one. */
  get shown(): TreeRows {
    return this.frozenShown ? this.frozen : this.live;
  }

  get showingFrozen(): boolean {
    return this.frozenShown;
  }

  /** Shows `root` (a snapshot) instead of the live tree. */
  showFrozen(root: TreeNode | null): void {
    this.frozen.store.replace(root);
    this.frozenShown = true;
    this.context.topics.notify("tree");
  }

  showLive(): void {
    this.frozenShown = false;
    this.context.topics.notify("tree");
  }

  /** Another session is shown. */
  reset(): void {
    this.frozen.store.replace(null);
    this.frozenShown = false;
    this.error = null;
    this.flashes.clear();
  }

  /** `Button#inc` for a control of the shown session, from whichever tree knows it. */
  nameOf(id: number): string | undefined {
    const node = this.live.get(id) ?? this.frozen.get(id);
    return node ? nameOf(node) : undefined;
  }

  /** The folding changed (the view re-reads its rows). */
  refresh(): void {
    this.context.topics.notifyNow("tree");
  }

  private liveChanged(change: TreeChange): void {
    if (change.reset) this.error = null; // a whole tree: in step again (a failed op sets the error after this)
    const now = performance.now();
    for (const id of change.changed) this.flashes.set(id, now);
    if (this.flashes.size > 5_000) for (const [id, t] of this.flashes) if (now - t > 1_000) this.flashes.delete(id);
    this.context.topics.notify("tree");
  }
}
