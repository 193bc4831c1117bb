import type { CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { renderSlot } from "../ControlView.tsx";
import { radiusStyle } from "../borders.ts";
import { baseAttributes, DisabledContext, elevationShadow, num, spacing, useDisabled, type ControlComponentProps } from "./common.ts";

const VARIANTS = new Set(["elevated", "filled", "outlined"]);

/** Material 3's card: a rounded surface around one child; elevated, filled or outlined. */
export function Card({ node }: ControlComponentProps<"Card">) {
  const p = node.p;
  const disabled = useDisabled(node);
  const variant = typeof p.variant === "string" && VARIANTS.has(p.variant) ? p.variant : "elevated";
  const style: CSSProperties = { boxShadow: elevationShadow(p.elevation, variant === "elevated" ? 1 : 0) };
  const background = resolveColor(p.color);
  const margin = spacing(p.margin);
  if (background) Object.assign(style, { background, "--weft-notch": background });
  if (margin !== undefined) style.margin = margin;
  Object.assign(style, radiusStyle(p.borderRadius));
  return (
    <div {...baseAttributes(node, `weft-card weft-card--${variant}`, style)}>
      <DisabledContext value={disabled}>{renderSlot(node, "content")}</DisabledContext>
    </div>
  );
}
