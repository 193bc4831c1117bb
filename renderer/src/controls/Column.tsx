import { renderSlot } from "../ControlView.tsx";
import { baseAttributes, crossAxis, DisabledContext, flexStyle, useDisabled, type ControlComponentProps } from "./common.ts";

/** Children stacked vertically: `alignment` on the main axis, `horizontalAlignment` across. */
export function Column({ node }: ControlComponentProps<"Column">) {
  const p = node.p;
  const disabled = useDisabled(node);
  return (
    <div {...baseAttributes(node, `weft-column${crossAxis(p.horizontalAlignment) === "stretch" ? " weft-stretch" : ""}${p.tight === true ? " weft-tight" : ""}`, flexStyle(p, p.alignment, p.horizontalAlignment))}>
      <DisabledContext value={disabled}>{renderSlot(node, "controls")}</DisabledContext>
    </div>
  );
}
