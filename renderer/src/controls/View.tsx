import type { CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { renderSlot } from "../ControlView.tsx";
import { baseAttributes, crossAxis, DisabledContext, flexStyle, spacing, useDisabled, type ControlComponentProps } from "./common.ts";

/**
 * One screen: an optional `appbar` slot on top, then the controls in a column that scrolls
 * when it overflows (so an expanded child gets the remaining height), and the
 * `floatingActionButton` over the bottom right corner (16 px in, as Flutter's endFloat).
 */
export function View({ node }: ControlComponentProps<"View">) {
  const p = node.p;
  const disabled = useDisabled(node);
  const body: CSSProperties = flexStyle(p, p.verticalAlignment, p.horizontalAlignment);
  const padding = spacing(p.padding);
  if (padding !== undefined) body.padding = padding;
  const background = resolveColor(p.bgcolor);
  return (
    <div {...baseAttributes(node, "weft-view", background ? ({ background, "--weft-notch": background } as CSSProperties) : undefined)}>
      <DisabledContext value={disabled}>
        {node.slots.appbar && <div className="weft-appbar">{renderSlot(node, "appbar")}</div>}
        <div className={crossAxis(p.horizontalAlignment) === "stretch" ? "weft-view-body weft-stretch" : "weft-view-body"} style={body}>
          {renderSlot(node, "controls")}
        </div>
        {node.slots.floatingActionButton && node.slots.floatingActionButton.length > 0 && (
          <div className="weft-view-fab">{renderSlot(node, "floatingActionButton")}</div>
        )}
      </DisabledContext>
    </div>
  );
}
