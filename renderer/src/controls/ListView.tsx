import { useLayoutEffect, useRef, type CSSProperties } from "react";
import { renderSlot } from "../ControlView.tsx";
import { baseAttributes, DisabledContext, num, spacing, useDisabled, type ControlComponentProps } from "./common.ts";

/** A scrolling list. With `autoScroll` it stays at the end as children arrive (a chat log). */
export function ListView({ node }: ControlComponentProps<"ListView">) {
  const p = node.p;
  const disabled = useDisabled(node);
  const ref = useRef<HTMLDivElement>(null);
  const horizontal = p.horizontal === true;
  const children = node.slots.controls;
  const autoScroll = p.autoScroll === true;

  // A layout effect runs after the new children are in the DOM and before paint: no jump.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!autoScroll || !el) return;
    if (horizontal) el.scrollLeft = el.scrollWidth;
    else el.scrollTop = el.scrollHeight;
  }, [children, autoScroll, horizontal]);

  const style: CSSProperties = {};
  const gap = num(p.spacing);
  const padding = spacing(p.padding);
  if (gap !== undefined) style.gap = gap;
  if (padding !== undefined) style.padding = padding;
  const className = `weft-listview weft-listview--${horizontal ? "horizontal" : "vertical"}`;
  return (
    <div ref={ref} {...baseAttributes(node, className, style)}>
      <DisabledContext value={disabled}>{renderSlot(node, "controls")}</DisabledContext>
    </div>
  );
}
