import { useState, type CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { renderSlot } from "../ControlView.tsx";
import { useEvents } from "../useEvents.ts";
import { baseAttributes, num, textOrSlot, type ControlComponentProps } from "./common.ts";

/**
 * Flutter's CircleAvatar: a circle `radius` * 2 across (40 by default), primaryContainer behind
 * onPrimaryContainer content (initials, an icon), a background image behind the content and a
 * foreground image over it; an image that fails to load is dropped and reported.
 */
export function CircleAvatar({ node }: ControlComponentProps<"CircleAvatar">) {
  const p = node.p;
  const events = useEvents(node.id);
  const [failed, setFailed] = useState<ReadonlySet<string>>(new Set());
  const min = num(p.minRadius);
  const max = num(p.maxRadius);
  let radius = num(p.radius) ?? 20;
  if (min !== undefined) radius = Math.max(radius, min);
  if (max !== undefined) radius = Math.min(radius, max);
  const style: CSSProperties = { width: radius * 2, height: radius * 2, fontSize: radius * 0.8 };
  const background = resolveColor(p.bgcolor);
  const color = resolveColor(p.color);
  if (background) style.background = background;
  if (color) style.color = color;
  const image = (which: "foreground" | "background", src: unknown) =>
    typeof src === "string" && src !== "" && !failed.has(which) ? (
      <img
        className={`weft-avatar-image weft-avatar-image--${which}`}
        src={src}
        alt=""
        draggable={false}
        onError={() => {
          setFailed((f) => new Set([...f, which]));
          events.event("imageError", which);
        }}
      />
    ) : null;
  const content = textOrSlot(node, "content");
  return (
    <div {...baseAttributes(node, "weft-avatar", style)}>
      {image("background", p.backgroundImageSrc)}
      <span className="weft-avatar-content">{content === null ? renderSlot(node, "content") : content}</span>
      {image("foreground", p.foregroundImageSrc)}
    </div>
  );
}
