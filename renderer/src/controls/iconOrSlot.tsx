import type { ReactNode } from "react";
import { renderSlot } from "../ControlView.tsx";
import { IconGlyph } from "../IconGlyph.tsx";
import { slotIds, type AnyNode } from "./common.ts";

/**
 * What an `icon` slot holds (Flet's IconDataOrControl): the glyph of the icon name sent as the
 * prop of that name, or the control in the slot. Null when it holds neither.
 */
export function iconOrSlot<N extends AnyNode>(node: N, name: keyof N["p"] & keyof N["slots"] & string, size: number, color?: string): ReactNode {
  if (slotIds(node, name)?.length) return renderSlot(node, name);
  const icon = (node.p as Readonly<Record<string, unknown>>)[name];
  return typeof icon === "string" && icon !== "" ? <IconGlyph name={icon} size={size} color={color} /> : null;
}
