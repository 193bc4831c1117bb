import type { CSSProperties } from "react";
import { assetUrl } from "../basePath.ts";
import { radiusStyle } from "../borders.ts";
import { baseAttributes, num, str, type ControlComponentProps } from "./common.ts";

const FITS: Record<string, CSSProperties["objectFit"]> = {
  contain: "contain",
  cover: "cover",
  fill: "fill",
  none: "none",
  scaledown: "scale-down",
  fitwidth: "contain",
  fitheight: "contain",
};

/** An image by URL or data: URL. */
export function Image({ node }: ControlComponentProps<"Image">) {
  const p = node.p;
  const style: CSSProperties = {};
  const fit = typeof p.fit === "string" ? FITS[p.fit.toLowerCase().replace(/[_-]/g, "")] : undefined;
  if (fit) style.objectFit = fit;
  Object.assign(style, radiusStyle(p.borderRadius));
  const src = str(p.src);
  return <img {...baseAttributes(node, "weft-image", style)} src={src ? assetUrl(src) : undefined} alt={str(p.alt)} draggable={false} />;
}
