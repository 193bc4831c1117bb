import type { CSSProperties } from "react";
import type { PropValue } from "@weft/protocol";
import { renderSlot } from "../ControlView.tsx";
import { alignmentXY, axisPlace, baseAttributes, DisabledContext, useDisabled, type ControlComponentProps } from "./common.ts";

/**
 * Children over one another in one grid cell, the last on top. Children with offsets
 * (`left`/`top`/`right`/`bottom`, made absolute by `sizeStyle`) are placed against the stack's
 * edges; the others are placed by `alignment` and give the stack its size, as in Flutter.
 */
export function Stack({ node }: ControlComponentProps<"Stack">) {
  const p = node.p;
  const disabled = useDisabled(node);
  const style: CSSProperties = { ...placement(p.alignment) };
  if (p.clip === false) style.overflow = "visible";
  return (
    <div {...baseAttributes(node, "weft-stack", style)}>
      <DisabledContext value={disabled}>{renderSlot(node, "controls")}</DisabledContext>
    </div>
  );
}

function placement(value: PropValue | undefined): CSSProperties {
  const at = alignmentXY(value) ?? { x: -1, y: -1 };
  const grid = (v: number) => axisPlace(v).replace("flex-", "");
  return { alignItems: grid(at.y), justifyItems: grid(at.x) };
}
