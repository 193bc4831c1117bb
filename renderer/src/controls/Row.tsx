import { renderSlot } from "../ControlView.tsx";
import { baseAttributes, DisabledContext, flexStyle, useDisabled, type ControlComponentProps } from "./common.ts";

/** Children side by side: `alignment` on the main axis, `verticalAlignment` across. */
export function Row({ node }: ControlComponentProps<"Row">) {
  const p = node.p;
  const disabled = useDisabled(node);
  return (
    <div {...baseAttributes(node, p.tight === true ? "weft-row weft-tight" : "weft-row", flexStyle(p, p.alignment, p.verticalAlignment))}>
      <DisabledContext value={disabled}>{renderSlot(node, "controls")}</DisabledContext>
    </div>
  );
}
