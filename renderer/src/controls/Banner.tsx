import type { CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { renderSlot } from "../ControlView.tsx";
import { baseAttributes, DisabledContext, textOrSlot, useDisabled, type ControlComponentProps } from "./common.ts";

/**
 * Material's banner across the top of the page: leading icon, message, actions. It has no
 * dismissal of its own: it stays until the app closes it (usually from one of its actions).
 */
export function Banner({ node }: ControlComponentProps<"Banner">) {
  const p = node.p;
  const disabled = useDisabled(node);
  if (p.open !== true) return null;
  const style: CSSProperties = {};
  const background = resolveColor(p.bgcolor);
  if (background) style.background = background;
  const text = textOrSlot(node, "content");
  const leading = node.slots.leading ?? [];
  const actions = node.slots.actions ?? [];
  return (
    <div {...baseAttributes(node, "weft-banner-control", style)} role="region" aria-label="Banner">
      <DisabledContext value={disabled}>
        <div className="weft-banner-control-body">
          {leading.length > 0 && <div className="weft-banner-control-leading">{renderSlot(node, "leading")}</div>}
          <div className="weft-banner-control-content">{text === null ? renderSlot(node, "content") : text}</div>
        </div>
        {actions.length > 0 && <div className="weft-banner-control-actions">{renderSlot(node, "actions")}</div>}
      </DisabledContext>
    </div>
  );
}
