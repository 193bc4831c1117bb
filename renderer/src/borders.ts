import type { CSSProperties } from "react";
import type { PropValue } from "@weft/protocol";
import { resolveColor } from "./colors.ts";

const SIDES = ["top", "right", "bottom", "left"] as const;
const CORNERS = [
  ["topLeft", "borderTopLeftRadius"],
  ["topRight", "borderTopRightRadius"],
  ["bottomLeft", "borderBottomLeftRadius"],
  ["bottomRight", "borderBottomRightRadius"],
] as const;

const isObject = (v: PropValue | undefined): v is { [key: string]: PropValue } => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A `border` prop as CSS: Flet's Border (`Border.all(2, Colors.RED)`: `{top, right, bottom,
 * left}` of `{width, color}`, a side's colour black and width 1 by default, as in Flet), or a
 * CSS border string, which passes through.
 */
export function borderStyle(value: PropValue | undefined): CSSProperties {
  if (typeof value === "string") return { border: value };
  if (!isObject(value)) return {};
  const style: Record<string, string> = {};
  for (const side of SIDES) {
    const s = value[side];
    if (!isObject(s)) continue;
    const width = typeof s.width === "number" ? s.width : 1;
    const key = `border${side[0]!.toUpperCase()}${side.slice(1)}`;
    style[key] = width > 0 ? `${width}px solid ${resolveColor(s.color) ?? "#000000"}` : "none";
  }
  return style;
}

/** A `borderRadius` prop as CSS: one number for every corner, or Flet's BorderRadius corners. */
export function radiusStyle(value: PropValue | undefined): CSSProperties {
  if (typeof value === "number") return { borderRadius: value };
  if (!isObject(value)) return {};
  const style: CSSProperties = {};
  for (const [corner, css] of CORNERS) {
    const r = value[corner] ?? value[corner.replace(/[A-Z]/, (c) => `_${c.toLowerCase()}`)];
    if (typeof r === "number") style[css] = r;
  }
  return style;
}
