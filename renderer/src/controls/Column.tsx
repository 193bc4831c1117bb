import { renderSlot } from "../ControlView.tsx";
import { baseAttributes, DisabledContext, flexStyle, useDisabled, type ControlComponentProps } from "./common.ts";

/** Children stacked vertically: `alignment` on the main axis, `horizontalAlignment` across. */
export function Column({ node }: ControlComponentProps<"Column">) {
  const p = node.p;
  const disabled = useDisabled(node);
  return (
    <div {...baseAttributes(node, "weft-column", flexStyle(p, p.alignment, p.horizontalAlignment))}>
      <DisabledContext value={disabled}>{renderSlot(node, "controls")}</DisabledContext>
    </div>
  );
}
