import type { CSSProperties, KeyboardEvent, MouseEvent } from "react";
import { borderStyle, radiusStyle } from "../borders.ts";
import { resolveColor } from "../colors.ts";
import { renderSlot } from "../ControlView.tsx";
import { useEvents } from "../useEvents.ts";
import { baseAttributes, boxAlignment, DisabledContext, spacing, useDisabled, type ControlComponentProps } from "./common.ts";

/** The nearest element that handles a click itself; a click on it is not the Container's. */
const INTERACTIVE = "button, input, textarea, select, a, label, .weft-clickable";

/** A box around one child: padding, margin, colour, border, alignment, and an optional click. */
export function Container({ node }: ControlComponentProps<"Container">) {
  const p = node.p;
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const clickable = node.h.includes("click") && !disabled;

  const style: CSSProperties = { ...boxAlignment(p.alignment) };
  const padding = spacing(p.padding);
  const margin = spacing(p.margin);
  const background = resolveColor(p.bgcolor);
  if (padding !== undefined) style.padding = padding;
  if (margin !== undefined) style.margin = margin;
  if (background) Object.assign(style, { background, "--weft-notch": background });
  Object.assign(style, radiusStyle(p.borderRadius), borderStyle(p.border));

  let className = "weft-container";
  if (clickable) className += " weft-clickable";
  if (clickable && p.ink === true) className += " weft-ink";

  // Like Flutter's gesture arena, the innermost clickable wins: a Button inside a clickable
  // Container clicks the Button only.
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    if ((e.target as Element).closest(INTERACTIVE) === e.currentTarget) events.event("click");
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || (e.key !== "Enter" && e.key !== " ")) return;
    e.preventDefault();
    events.event("click");
  };
  const interaction = clickable ? { onClick, onKeyDown, role: "button", tabIndex: 0 } : {};
  return (
    <div {...baseAttributes(node, className, style)} {...interaction}>
      <DisabledContext value={disabled}>{renderSlot(node, "content")}</DisabledContext>
    </div>
  );
}
