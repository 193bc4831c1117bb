import type { CSSProperties } from "react";
import { findIcon } from "./icons.ts";

export interface IconGlyphProps {
  name: string;
  size?: number;
  color?: string | undefined;
  /** Without a drawing for `name`: show the name as text ("text") or keep an empty square ("none"). */
  fallback?: "text" | "none";
}

/** An icon of the built-in set as inline SVG, sized in px, coloured by `color` or the text colour. */
export function IconGlyph({ name, size = 24, color, fallback = "text" }: IconGlyphProps) {
  const shape = findIcon(name);
  const style: CSSProperties = { width: size, height: size, color };
  if (!shape) {
    return fallback === "text" ? (
      <span className="weft-icon-missing" style={{ color, fontSize: Math.max(10, size * 0.45) }}>
        {name}
      </span>
    ) : (
      <span className="weft-icon-svg" style={style} aria-hidden="true" />
    );
  }
  return (
    <svg className="weft-icon-svg" viewBox="0 0 24 24" style={style} aria-hidden="true" focusable="false">
      <path
        d={shape.d}
        fill={shape.fill ? "currentColor" : "none"}
        stroke={shape.fill ? "none" : "currentColor"}
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
