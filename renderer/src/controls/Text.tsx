import type { CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { baseAttributes, fontWeight, num, str, type ControlComponentProps } from "./common.ts";

/** Material 3's type scale: [font size, line height, weight]. */
const TYPE_SCALE: Record<string, [number, number, number]> = {
  displaylarge: [57, 64, 400],
  displaymedium: [45, 52, 400],
  displaysmall: [36, 44, 400],
  headlinelarge: [32, 40, 400],
  headlinemedium: [28, 36, 400],
  headlinesmall: [24, 32, 400],
  titlelarge: [22, 28, 400],
  titlemedium: [16, 24, 500],
  titlesmall: [14, 20, 500],
  bodylarge: [16, 24, 400],
  bodymedium: [14, 20, 400],
  bodysmall: [12, 16, 400],
  labellarge: [14, 20, 500],
  labelmedium: [12, 16, 500],
  labelsmall: [11, 16, 500],
};

/** A run of text: its value is its text content, nothing around it (browser tests read it so). */
export function Text({ node }: ControlComponentProps<"Text">) {
  const p = node.p;
  const style: CSSProperties = {};
  const preset = typeof p.style === "string" ? TYPE_SCALE[p.style.toLowerCase().replace(/[_-]/g, "")] : undefined;
  if (preset) {
    style.fontSize = preset[0];
    style.lineHeight = `${preset[1]}px`;
    style.fontWeight = preset[2];
  }
  const size = num(p.size);
  if (size !== undefined) {
    style.fontSize = size;
    style.lineHeight = 1.3;
  }
  const weight = fontWeight(p.weight);
  if (weight !== undefined) style.fontWeight = weight;
  const color = resolveColor(p.color);
  if (color) style.color = color;
  if (p.italic === true) style.fontStyle = "italic";
  if (typeof p.textAlign === "string") style.textAlign = p.textAlign as CSSProperties["textAlign"];
  if (p.selectable === false) style.userSelect = "none";
  const maxLines = num(p.maxLines);
  if (maxLines !== undefined && maxLines > 0) {
    style.display = "-webkit-box";
    style.WebkitBoxOrient = "vertical";
    style.WebkitLineClamp = maxLines;
    style.overflow = "hidden";
  }
  return <span {...baseAttributes(node, "weft-text", style)}>{str(p.value)}</span>;
}
