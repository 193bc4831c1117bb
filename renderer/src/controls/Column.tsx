import { renderSlot } from "../ControlView.tsx";
import { baseAttributes, crossAxis, DisabledContext, flexStyle, useDisabled, type ControlComponentProps } from "./common.ts";

/** Children stacked vertically: `alignment` on the main axis, `horizontalAlignment` across. */
export function Column({ node }: ControlComponentProps<"Column">) {
  const p = node.p;
  const disabled = useDisabled(node);
  return (
    <div {...baseAttributes(node, crossAxis(p.horizontalAlignment) === "stretch" ? "weft-column weft-stretch" : "weft-column", flexStyle(p, p.alignment, p.horizontalAlignment))}>
      <DisabledContext value={disabled}>{renderSlot(node, "controls")}</DisabledContext>
    </div>
  );
}
