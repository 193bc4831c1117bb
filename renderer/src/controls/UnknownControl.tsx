import { renderSlot } from "../ControlView.tsx";
import type { StoreNode } from "../NodeStore.ts";
import { baseAttributes } from "./common.ts";

/**
 * Drawn for a type this renderer has no component for: visible, named, and still showing the
 * children, so the rest of the page works while the type is missing.
 */
export function UnknownControl({ node }: { node: StoreNode }) {
  return (
    <div {...baseAttributes(node, "weft-unknown")}>
      <div className="weft-unknown-label">Unknown control type {node.t}</div>
      {Object.keys(node.slots).map((slot) => renderSlot(node, slot))}
    </div>
  );
}
