import { renderSlot } from "../ControlView.tsx";
import { baseAttributes, type ControlComponentProps } from "./common.ts";

/**
 * A function component's node (`component(fn)` on the server): draws its `body` with no box of
 * its own (`display: contents`), so the body lays out as if it stood in the component's place.
 * The element still carries the markers, with the component's name as `data-weft-type`.
 */
export function Component({ node }: ControlComponentProps<"Component">) {
  const attrs = baseAttributes(node, "weft-component");
  return (
    <div {...attrs} style={undefined}>
      {renderSlot(node, "body")}
    </div>
  );
}
