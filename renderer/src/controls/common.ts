import { createContext, useContext, type CSSProperties } from "react";
import type { ControlId, PropValue } from "@weft/protocol";
import type { ControlType, PropName, SlotOf } from "@weft/protocol/controls";
import type { StoreNode } from "../NodeStore.ts";

/**
 * A node of type `T` as its component reads it: only the props and slots `T`'s spec names
 * (`@weft/protocol/controls`), so reading a prop the control does not have fails to compile.
 * The values are JSON as the server sent them, so components still check what they get.
 */
export type ControlNode<T extends ControlType> = Omit<StoreNode, "t" | "p" | "slots"> & {
  readonly t: T;
  readonly p: { readonly [K in PropName<T>]?: PropValue };
  readonly slots: { readonly [K in SlotOf<T>]?: readonly ControlId[] };
};

/** A node typed by its control type, or an untyped one (`UnknownControl`'s). */
export type AnyNode = Pick<StoreNode, "id" | "n" | "h" | "parent" | "slot"> & { readonly t: string; readonly p: object; readonly slots: object };

/** The ids in one slot of a node, typed or not. */
export function slotIds(node: AnyNode, slot: string): readonly ControlId[] | undefined {
  return (node.slots as Readonly<Record<string, readonly ControlId[] | undefined>>)[slot];
}

/** What the component of type `T` receives: its node (a fresh object whenever it changes). */
export interface ControlComponentProps<T extends ControlType> {
  node: ControlNode<T>;
}

/** A disabled control disables everything inside it, as in Flet. */
export const DisabledContext = createContext(false);

export function useDisabled(node: StoreNode): boolean {
  return useContext(DisabledContext) || node.p.disabled === true;
}

/**
 * The attributes on a control's outermost element: the markers browser tests find controls by
 * (`data-weft-id`, `data-weft-type`, `data-weft-key`), tooltip, class, size.
 */
export interface BaseAttributes {
  "data-weft-id": number;
  "data-weft-type": string;
  "data-weft-key"?: string;
  title?: string;
  className: string;
  style: CSSProperties;
}

export function baseAttributes(node: StoreNode, className: string, style?: CSSProperties): BaseAttributes {
  const p = node.p;
  const attrs: BaseAttributes = {
    "data-weft-id": node.id,
    "data-weft-type": node.n ?? node.t,
    className: className + sizeClasses(p),
    style: style ? { ...sizeStyle(p), ...style } : sizeStyle(p),
  };
  if (p.key !== undefined && p.key !== null) attrs["data-weft-key"] = String(p.key);
  if (typeof p.tooltip === "string" && p.tooltip !== "") attrs.title = p.tooltip;
  return attrs;
}

const OFFSETS = ["left", "top", "right", "bottom"] as const;

/**
 * `width`, `height`, `expand` (flex factor inside a Row, Column or View), and the offsets
 * `left`/`top`/`right`/`bottom` that place a child of a Stack.
 */
export function sizeStyle(p: StoreNode["p"]): CSSProperties {
  const style: CSSProperties = {};
  for (const side of OFFSETS) {
    const offset = num(p[side]);
    if (offset === undefined) continue;
    style[side] = offset;
    style.position = "absolute";
  }
  const width = px(p.width);
  const height = px(p.height);
  if (width !== undefined) style.width = width;
  if (height !== undefined) style.height = height;
  const grow = expandFactor(p);
  if (grow > 0) style.flex = `${grow} 1 0%`;
  return style;
}

function expandFactor(p: StoreNode["p"]): number {
  return p.expand === true ? 1 : typeof p.expand === "number" && p.expand > 0 ? p.expand : 0;
}

/**
 * Classes the layout CSS reads: `weft-expand` lets an expanded child shrink below its content
 * on its parent's main axis only (so an expanded ListView scrolls, and an expanded Button keeps
 * its 40 px height across a Row); `weft-has-width` keeps a box with a width from being
 * stretched across its column.
 */
function sizeClasses(p: StoreNode["p"]): string {
  let classes = "";
  if (expandFactor(p) > 0) classes += " weft-expand";
  if (px(p.width) !== undefined) classes += " weft-has-width";
  return classes;
}

/** A length prop as CSS: numbers are pixels, strings pass through ("50%"). */
export function px(value: PropValue | undefined): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return `${value}px`;
  if (typeof value === "string" && value !== "") return value;
  return undefined;
}

/** Padding or margin: one number for every side, or `{left, top, right, bottom}`. */
export function spacing(value: PropValue | undefined): string | undefined {
  if (typeof value === "number") return `${value}px`;
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const side = (name: string) => (typeof value[name] === "number" ? `${value[name]}px` : "0");
    return `${side("top")} ${side("right")} ${side("bottom")} ${side("left")}`;
  }
  return undefined;
}

/** Flet's font weights: "bold", "normal", 600, or "w600". */
export function fontWeight(value: PropValue | undefined): CSSProperties["fontWeight"] | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const w = /^w_?(\d00)$/i.exec(value);
  return w ? Number(w[1]) : value;
}

export function num(value: PropValue | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function str(value: PropValue | undefined): string {
  return value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Flet writes enums in snake_case (`space_between`), weft in camelCase; accept both. */
function normalize(value: PropValue | undefined): string {
  return typeof value === "string" ? value.toLowerCase().replace(/[_-]/g, "") : "";
}

const MAIN_AXIS: Record<string, CSSProperties["justifyContent"]> = {
  start: "flex-start",
  end: "flex-end",
  center: "center",
  spacebetween: "space-between",
  spacearound: "space-around",
  spaceevenly: "space-evenly",
};

const CROSS_AXIS: Record<string, CSSProperties["alignItems"]> = {
  start: "flex-start",
  end: "flex-end",
  center: "center",
  stretch: "stretch",
  baseline: "baseline",
};

export function mainAxis(value: PropValue | undefined): CSSProperties["justifyContent"] | undefined {
  return MAIN_AXIS[normalize(value)];
}

export function crossAxis(value: PropValue | undefined): CSSProperties["alignItems"] | undefined {
  return CROSS_AXIS[normalize(value)];
}

/**
 * An alignment as Flet's `Alignment(x, y)` (-1 the left/top edge, 1 the right/bottom): an object
 * `{ x, y }`, or a name (`topLeft` … `bottomRight`, `center`; snake_case too).
 */
export function alignmentXY(value: PropValue | undefined): { x: number; y: number } | undefined {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const x = num(value.x);
    const y = num(value.y);
    return x === undefined && y === undefined ? undefined : { x: x ?? 0, y: y ?? 0 };
  }
  const name = normalize(value);
  if (!name) return undefined;
  return {
    x: name.endsWith("left") ? -1 : name.endsWith("right") ? 1 : 0,
    y: name.startsWith("top") ? -1 : name.startsWith("bottom") ? 1 : 0,
  };
}

/** One axis of an alignment as flex placement: the near edge, the middle, the far edge (a value in between goes to the nearest). */
export function axisPlace(v: number): "flex-start" | "center" | "flex-end" {
  return v <= -0.5 ? "flex-start" : v >= 0.5 ? "flex-end" : "center";
}

/** Container's `alignment` as flex placement of its child. */
export function boxAlignment(value: PropValue | undefined): CSSProperties | undefined {
  const at = alignmentXY(value);
  return at && { justifyContent: axisPlace(at.y), alignItems: axisPlace(at.x) };
}

/** Flex layout of a Row, Column, ListView or View: gap, alignment, wrap and scroll. */
export function flexStyle(p: StoreNode["p"], main: PropValue | undefined, cross: PropValue | undefined): CSSProperties {
  const style: CSSProperties = {};
  const gap = num(p.spacing);
  if (gap !== undefined) style.gap = `${gap}px`;
  const justify = mainAxis(main);
  const align = crossAxis(cross);
  if (justify) style.justifyContent = justify;
  if (align) style.alignItems = align;
  if (p.wrap === true) style.flexWrap = "wrap";
  Object.assign(style, scrollStyle(p.scroll));
  return style;
}

/**
 * Flet's ScrollMode as CSS: "auto" and "adaptive" (and weft's `true`) scroll with a scrollbar
 * when needed, "always" always shows one, "hidden" scrolls without one.
 */
export function scrollStyle(mode: PropValue | undefined): CSSProperties | undefined {
  if (mode === true || mode === "auto" || mode === "adaptive") return { overflow: "auto" };
  if (mode === "always") return { overflow: "scroll" };
  if (mode === "hidden") return { overflow: "auto", scrollbarWidth: "none" };
  return undefined;
}

/** Material 3's shadows for elevation levels 0–5 (a number in between picks the nearest). */
const SHADOWS = [
  "none",
  "0 1px 2px rgb(0 0 0 / 0.3), 0 1px 3px 1px rgb(0 0 0 / 0.15)",
  "0 1px 2px rgb(0 0 0 / 0.3), 0 2px 6px 2px rgb(0 0 0 / 0.15)",
  "0 1px 3px rgb(0 0 0 / 0.3), 0 4px 8px 3px rgb(0 0 0 / 0.15)",
  "0 2px 3px rgb(0 0 0 / 0.3), 0 6px 10px 4px rgb(0 0 0 / 0.15)",
  "0 4px 4px rgb(0 0 0 / 0.3), 0 8px 12px 6px rgb(0 0 0 / 0.15)",
];

export function elevationShadow(level: PropValue | undefined, fallback = 0): string {
  const n = num(level) ?? fallback;
  return SHADOWS[Math.min(5, Math.max(0, Math.round(n)))]!;
}

/** The text of a string-or-control prop (`title`, `label`, `content`) when it was sent as a string. */
export function textOrSlot<N extends AnyNode>(node: N, name: keyof N["p"] & keyof N["slots"] & string): string | null {
  if (slotIds(node, name)?.length) return null;
  const value = (node.p as Readonly<Record<string, PropValue>>)[name];
  return value === undefined || value === null ? "" : str(value);
}
