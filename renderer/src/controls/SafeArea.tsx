import type { CSSProperties } from "react";
import { renderSlot } from "../ControlView.tsx";
import { baseAttributes, num, type ControlComponentProps } from "./common.ts";

const SIDES = [
  ["Left", "left"],
  ["Top", "top"],
  ["Right", "right"],
  ["Bottom", "bottom"],
] as const;

/**
 * Pads its content by the device's safe-area insets (`env(safe-area-inset-*)`: the status bar,
 * a notch, the home indicator), and at least `minimumPadding`. On a desktop the insets are 0.
 */
export function SafeArea({ node }: ControlComponentProps<"SafeArea">) {
  const p = node.p;
  const minimum = p.minimumPadding;
  const style: CSSProperties = {};
  for (const [Side, side] of SIDES) {
    const least = typeof minimum === "number" ? minimum : typeof minimum === "object" && minimum !== null && !Array.isArray(minimum) ? (num(minimum[side]) ?? 0) : 0;
    const avoid = p[`avoidIntrusions${Side}`] !== false;
    style[`padding${Side}`] = avoid ? `max(${least}px, env(safe-area-inset-${side}, 0px))` : `${least}px`;
  }
  return <div {...baseAttributes(node, "weft-safearea", style)}>{renderSlot(node, "content")}</div>;
}
