import type { CSSProperties } from "react";
import type { PropValue } from "@weft/protocol";
import { resolveColor } from "../colors.ts";
import { typeScaleStyle } from "../typeScale.ts";
import { baseAttributes, fontWeight, num, str, type ControlComponentProps } from "./common.ts";

const ALIGN: Readonly<Record<string, CSSProperties["textAlign"]>> = {
  left: "left", right: "right", center: "center", justify: "justify", start: "start", end: "end",
};

const DECORATION: Readonly<Record<string, string>> = {
  underline: "underline", overline: "overline", linethrough: "line-through", none: "none",
};

/** Flet's TextStyle (`size`, `weight`, `color`, `letterSpacing`…) as CSS. */
function textStyle(value: PropValue | undefined): CSSProperties {
  const style: CSSProperties = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return style;
  const size = num(value.size);
  if (size !== undefined) style.fontSize = size;
  const height = num(value.height);
  if (height !== undefined) style.lineHeight = String(height);
  const weight = fontWeight(value.weight);
  if (weight !== undefined) style.fontWeight = weight;
  if (value.italic === true) style.fontStyle = "italic";
  const color = resolveColor(value.color);
  if (color) style.color = color;
  const background = resolveColor(value.bgcolor);
  if (background) style.background = background;
  if (typeof value.fontFamily === "string") style.fontFamily = value.fontFamily;
  const tracking = num(value.letterSpacing);
  if (tracking !== undefined) style.letterSpacing = `${tracking}px`;
  const wordSpacing = num(value.wordSpacing);
  if (wordSpacing !== undefined) style.wordSpacing = `${wordSpacing}px`;
  const decoration = typeof value.decoration === "string" ? DECORATION[value.decoration.toLowerCase()] : undefined;
  if (decoration) style.textDecorationLine = decoration;
  const decorationColor = resolveColor(value.decorationColor);
  if (decorationColor) style.textDecorationColor = decorationColor;
  return style;
}

/**
 * A run of text: its value is its text content. Flutter's order of styles: the type-scale style
 * (`themeStyle`, default bodyMedium from the page), then `style`, then the Text's own `size`,
 * `weight`, `color`, `italic`.
 */
export function Text({ node }: ControlComponentProps<"Text">) {
  const p = node.p;
  // `style` as a string is weft's older spelling of `themeStyle`.
  const style: CSSProperties = {
    ...typeScaleStyle(p.themeStyle ?? (typeof p.style === "string" ? p.style : undefined)),
    ...textStyle(p.style),
  };
  const size = num(p.size);
  if (size !== undefined) style.fontSize = size;
  const weight = fontWeight(p.weight);
  if (weight !== undefined) style.fontWeight = weight;
  const color = resolveColor(p.color);
  if (color) style.color = color;
  if (p.italic === true) style.fontStyle = "italic";
  const align = typeof p.textAlign === "string" ? ALIGN[p.textAlign.toLowerCase()] : undefined;
  if (align) style.textAlign = align;
  if (p.selectable === false) style.userSelect = "none";
  if (p.noWrap === true) style.whiteSpace = "pre";
  const maxLines = num(p.maxLines);
  if (maxLines !== undefined && maxLines > 0) {
    style.display = "-webkit-box";
    style.WebkitBoxOrient = "vertical";
    style.WebkitLineClamp = maxLines;
    style.overflow = "hidden";
  }
  return <span {...baseAttributes(node, "weft-text", style)}>{str(p.value)}</span>;
}
