import type { CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { renderSlot } from "../ControlView.tsx";
import { useEvents } from "../useEvents.ts";
import { baseAttributes, elevationShadow, num, textOrSlot, useDisabled, type ControlComponentProps } from "./common.ts";
import { iconOrSlot } from "./iconOrSlot.tsx";

/**
 * Material 3's FAB: 56 px (40 when `mini`), radius 16 (12), primaryContainer with
 * onPrimaryContainer content, elevation 3 (4 on hover). With `content` it is the extended FAB:
 * icon and label, 56 px tall and as wide as they need.
 */
export function FloatingActionButton({ node }: ControlComponentProps<"FloatingActionButton">) {
  const p = node.p;
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const style: CSSProperties = {};
  const background = resolveColor(p.bgcolor);
  const foreground = resolveColor(p.foregroundColor);
  if (background) style.background = background;
  if (foreground) style.color = foreground;
  const elevation = num(p.elevation);
  if (elevation !== undefined) style.boxShadow = elevationShadow(elevation);
  const content = textOrSlot(node, "content");
  const extended = content === null || content !== "";
  const icon = iconOrSlot(node, "icon", 24);
  const url = typeof p.url === "string" && p.url !== "" ? p.url : undefined;
  let className = "weft-fab";
  if (p.mini === true) className += " weft-fab--mini";
  if (extended) className += " weft-fab--extended";
  const name = typeof p.tooltip === "string" && p.tooltip !== "" ? p.tooltip : undefined;
  return (
    <button
      type="button"
      {...baseAttributes(node, className, style)}
      aria-label={extended ? undefined : name}
      disabled={disabled}
      autoFocus={p.autofocus === true}
      onClick={() => {
        if (url) window.open(url, "_blank", "noopener");
        events.event("click");
      }}
    >
      {icon}
      {extended && <span className="weft-fab-label">{content === null ? renderSlot(node, "content") : content}</span>}
    </button>
  );
}
