import type { CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { useEvents } from "../useEvents.ts";
import { IconGlyph } from "../IconGlyph.tsx";
import { baseAttributes, str, useDisabled, type ControlComponentProps } from "./common.ts";

const VARIANTS = new Set(["filled", "elevated", "tonal", "outlined", "text"]);

/**
 * A Material 3 button. Without a `variant` it is elevated: Flet's `Button` is Flutter's
 * ElevatedButton. The `<button>` itself is the outermost element and carries the markers.
 */
export function Button({ node }: ControlComponentProps<"Button">) {
  const p = node.p;
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const variant = typeof p.variant === "string" && VARIANTS.has(p.variant) ? p.variant : "elevated";
  const style: CSSProperties = {};
  // A disabled button keeps Material's greyed look rather than the app's colours.
  if (!disabled) {
    const color = resolveColor(p.color);
    const background = resolveColor(p.bgcolor);
    if (color) style.color = color;
    if (background) style.background = background;
  }
  const text = str(p.text);
  const icon = typeof p.icon === "string" && p.icon !== "" ? p.icon : undefined;
  const className = `weft-button weft-button--${variant}${icon ? " weft-button--icon" : ""}`;
  return (
    <button type="button" {...baseAttributes(node, className, style)} disabled={disabled} onClick={() => events.event("click")}>
      {icon && <IconGlyph name={icon} size={18} />}
      {text !== "" && <span className="weft-button-label">{text}</span>}
    </button>
  );
}
