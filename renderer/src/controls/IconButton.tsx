import type { CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { IconGlyph } from "../IconGlyph.tsx";
import { useEvents } from "../useEvents.ts";
import { baseAttributes, num, str, useDisabled, type ControlComponentProps } from "./common.ts";

const VARIANTS = new Set(["standard", "filled", "tonal", "outlined"]);

/** Material 3's icon button: a round `<button>` with one icon; a toggle when `selected` is set. */
export function IconButton({ node }: ControlComponentProps<"IconButton">) {
  const p = node.p;
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const variant = typeof p.variant === "string" && VARIANTS.has(p.variant) ? p.variant : "standard";
  const toggle = typeof p.selected === "boolean";
  const selected = p.selected === true;
  const icon = selected && typeof p.selectedIcon === "string" && p.selectedIcon !== "" ? p.selectedIcon : str(p.icon);
  const size = num(p.iconSize) ?? 24;
  const style: CSSProperties = {};
  const background = resolveColor(p.bgcolor);
  if (background && !disabled) style.background = background;
  if (size !== 24) style.minWidth = style.minHeight = size + 16;
  let className = `weft-iconbutton weft-iconbutton--${variant}`;
  if (selected) className += " weft-iconbutton--selected";
  if (toggle) className += " weft-iconbutton--toggle";
  const name = typeof p.tooltip === "string" && p.tooltip !== "" ? p.tooltip : icon.replace(/_/g, " ");
  return (
    <button
      type="button"
      {...baseAttributes(node, className, style)}
      aria-label={name}
      aria-pressed={toggle ? selected : undefined}
      disabled={disabled}
      onClick={() => events.event("click")}
    >
      <IconGlyph name={icon} size={size} color={disabled ? undefined : resolveColor(p.iconColor)} />
    </button>
  );
}
