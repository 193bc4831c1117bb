import { useRef, type CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { renderSlot } from "../ControlView.tsx";
import { useEvents } from "../useEvents.ts";
import { baseAttributes, elevationShadow, num, textOrSlot, useDisabled, type ControlComponentProps } from "./common.ts";
import { iconOrSlot } from "./iconOrSlot.tsx";
import { useLongPress } from "./useLongPress.ts";

/** The button types Flet has, each drawn as one of Material 3's common buttons. */
export type ButtonType = "Button" | "FilledButton" | "FilledTonalButton" | "OutlinedButton" | "TextButton";

const VARIANT_OF: Readonly<Record<ButtonType, string>> = {
  Button: "elevated",
  FilledButton: "filled",
  FilledTonalButton: "tonal",
  OutlinedButton: "outlined",
  TextButton: "text",
};
const VARIANTS = new Set(Object.values(VARIANT_OF));

/**
 * Material 3's common buttons, one component for Flet's five classes: `Button` is elevated (it
 * is Flutter's ElevatedButton), `FilledButton`, `FilledTonalButton`, `OutlinedButton` and
 * `TextButton` as their names say (weft's older `variant` prop still picks one). The label is
 * `content` (a string or a control), the icon a name or a control. The
 * `<button>` itself is the outermost element and carries the markers.
 */
export function Button({ node }: ControlComponentProps<ButtonType>) {
  const p = node.p;
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const element = useRef<HTMLButtonElement>(null);
  const longPress = useLongPress(node.h.includes("longPress") && !disabled, () => events.event("longPress"));
  const variant = typeof p.variant === "string" && VARIANTS.has(p.variant) ? p.variant : VARIANT_OF[node.t];
  const style: CSSProperties = {};
  // A disabled button keeps Material's greyed look rather than the app's colours.
  if (!disabled) {
    const color = resolveColor(p.color);
    const background = resolveColor(p.bgcolor);
    if (color) style.color = color;
    if (background) style.background = background;
    const elevation = num(p.elevation);
    if (elevation !== undefined) style.boxShadow = elevationShadow(elevation);
  }
  const content = textOrSlot(node, "content");
  const label = content;
  const icon = iconOrSlot(node, "icon", 18, disabled ? undefined : resolveColor(p.iconColor));
  const className = `weft-button weft-button--${variant}${icon ? " weft-button--icon" : ""}`;
  const url = typeof p.url === "string" && p.url !== "" ? p.url : undefined;
  const onClick = () => {
    if (longPress.fired()) return;
    if (url) window.open(url, "_blank", "noopener");
    events.event("click");
  };
  return (
    <button
      ref={element}
      type="button"
      {...baseAttributes(node, className, style)}
      disabled={disabled}
      autoFocus={p.autofocus === true}
      onClick={onClick}
      onPointerEnter={() => events.event("hover", true)}
      onPointerLeave={() => events.event("hover", false)}
      onFocus={() => events.event("focus")}
      onBlur={() => events.event("blur")}
      {...longPress.handlers}
    >
      {icon}
      {label === null ? <span className="weft-button-label">{renderSlot(node, "content")}</span> : label !== "" && <span className="weft-button-label">{label}</span>}
    </button>
  );
}
