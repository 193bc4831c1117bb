import type { CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { baseAttributes, num, type ControlComponentProps } from "./common.ts";

/** A horizontal line in the middle of `height` px of space (16 by default), across its parent. */
export function Divider({ node }: ControlComponentProps<"Divider">) {
  const p = node.p;
  const outer: CSSProperties = {};
  if (num(p.height) === undefined) outer.height = 16;
  const line: CSSProperties = { height: num(p.thickness) ?? 1 };
  const color = resolveColor(p.color);
  const leading = num(p.leadingIndent);
  const trailing = num(p.trailingIndent);
  if (color) line.background = color;
  if (leading !== undefined) line.marginLeft = leading;
  if (trailing !== undefined) line.marginRight = trailing;
  return (
    <div {...baseAttributes(node, "weft-divider", outer)} role="separator">
      <div className="weft-divider-line" style={line} />
    </div>
  );
}
