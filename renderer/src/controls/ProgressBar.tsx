import type { CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { baseAttributes, num, type ControlComponentProps } from "./common.ts";

/** A linear progress bar: `value` in 0..1, or a looping bar while `value` is unset. */
export function ProgressBar({ node }: ControlComponentProps<"ProgressBar">) {
  const p = node.p;
  const value = num(p.value);
  const track: CSSProperties = {};
  const bar: CSSProperties = {};
  const barHeight = num(p.barHeight);
  if (barHeight !== undefined) track.height = barHeight;
  const radius = num(p.borderRadius);
  if (radius !== undefined) track.borderRadius = radius;
  const background = resolveColor(p.bgcolor);
  const color = resolveColor(p.color);
  if (background) track.background = background;
  if (color) bar.background = color;
  if (value !== undefined) bar.width = `${Math.min(1, Math.max(0, value)) * 100}%`;
  const className = `weft-progress${value === undefined ? " weft-progress--indeterminate" : ""}`;
  return (
    <div
      {...baseAttributes(node, className, track)}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={value}
    >
      <div className="weft-progress-bar" style={bar} />
    </div>
  );
}
