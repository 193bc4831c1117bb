import type { ControlId } from "../app/messages.ts";

/**
 * Why a tree op could not be applied. `code` is stable:
 * - `UNKNOWN_CONTROL`: the op names a control (`id`) the tree does not hold;
 * - `NOT_IN_SLOT`: a control or the `before` sibling (`id`) is not in slot `slot` of `parent`;
 * - `NOT_MOVABLE`: the op would put a control inside itself, or move the root;
 * - `BAD_OP`: the op is malformed (an unknown `op`, a missing field, an id twice in one subtree).
 */
export type TreeOpErrorCode = "UNKNOWN_CONTROL" | "NOT_IN_SLOT" | "NOT_MOVABLE" | "BAD_OP";

/**
 * A tree op that does not fit the tree it is applied to: the copy has drifted from the one the
 * ops were computed against. Thrown before the op changes anything, carrying the ids involved, so
 * each side can say exactly what went wrong and decide what to do (the renderer reports it, the
 * tools fetch the whole tree again). React DevTools' store fails the same way.
 */
export class TreeOpError extends Error {
  override readonly name = "TreeOpError";

  constructor(
    readonly code: TreeOpErrorCode,
    message: string,
    /** The op as it arrived. */
    readonly op: unknown,
    /** The control at fault: the unknown one, or the one not where the op says. */
    readonly id: ControlId | null = null,
    /** The slot the op names, for `NOT_IN_SLOT`. */
    readonly parent: ControlId | null = null,
    readonly slot: string | null = null,
  ) {
    super(message);
  }
}
