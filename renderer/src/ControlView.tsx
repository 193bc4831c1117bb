import { memo, use, type ReactNode } from "react";
import type { ControlId } from "@weft/protocol";
import { ComponentsContext } from "./ComponentsContext.ts";
import { slotIds, type AnyNode } from "./controls/common.ts";
import { useNode } from "./useNode.ts";

/**
 * Draws the control `id` with the component for its type. Memoized on the id, so a parent's
 * re-render (say, a child inserted) does not re-render its other children: each control
 * re-renders only when its own node changes.
 */
export const ControlView = memo(function ControlView({ id }: { id: ControlId }) {
  const node = useNode(id);
  const componentFor = use(ComponentsContext);
  if (!node || node.p.visible === false) return null;
  const Component = componentFor(node.t);
  return <Component node={node} />;
});

/** The children of one slot, keyed by id so React moves DOM nodes instead of re-creating them. */
export function renderSlot<N extends AnyNode>(node: N, slot: keyof N["slots"] & string): ReactNode[] | null {
  const ids = slotIds(node, slot);
  if (!ids || ids.length === 0) return null;
  return ids.map((id) => <ControlView key={id} id={id} />);
}
