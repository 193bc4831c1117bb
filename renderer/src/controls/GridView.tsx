import { useLayoutEffect, useRef, useState, type CSSProperties } from "react";
import { renderSlot } from "../ControlView.tsx";
import { baseAttributes, DisabledContext, num, spacing, useDisabled, type ControlComponentProps } from "./common.ts";

/**
 * A scrolling grid of equal tiles. With `runsCount` the number of columns is fixed; with
 * `maxExtent` it is Flutter's: as many columns as needed for none to be wider than `maxExtent`,
 * recomputed when the grid is resized. Each tile is as wide as its column and `childAspectRatio`
 * (width / height) sets its height, whatever size the child asks for (Flutter's tight constraints).
 */
export function GridView({ node }: ControlComponentProps<"GridView">) {
  const p = node.p;
  const disabled = useDisabled(node);
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const maxExtent = num(p.maxExtent);
  const runs = num(p.runsCount);
  const gap = num(p.spacing) ?? 0;
  const runGap = num(p.runSpacing) ?? 0;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || runs !== undefined || maxExtent === undefined) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [runs, maxExtent]);

  const style: CSSProperties = { columnGap: gap, rowGap: runGap };
  const ratio = num(p.childAspectRatio);
  (style as Record<string, string>)["--weft-grid-ratio"] = String(ratio !== undefined && ratio > 0 ? ratio : 1);
  const padding = spacing(p.padding);
  if (padding !== undefined) style.padding = padding;
  let columns: number;
  if (runs !== undefined) columns = Math.max(1, Math.round(runs));
  else if (maxExtent !== undefined && maxExtent > 0) {
    const inner = width - paddingWidth(p.padding);
    columns = inner > 0 ? Math.max(1, Math.ceil((inner + gap) / (maxExtent + gap))) : 1;
  } else columns = 1;
  style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
  return (
    <div ref={ref} {...baseAttributes(node, "weft-gridview", style)}>
      <DisabledContext value={disabled}>{renderSlot(node, "controls")}</DisabledContext>
    </div>
  );
}

function paddingWidth(value: unknown): number {
  if (typeof value === "number") return 2 * value;
  if (value && typeof value === "object") {
    const side = (value as Record<string, unknown>);
    return (typeof side.left === "number" ? side.left : 0) + (typeof side.right === "number" ? side.right : 0);
  }
  return 0;
}
