import type { CSSProperties } from "react";
import { iconFace } from "./icons.ts";

export interface IconGlyphProps {
  name: string;
  size?: number;
  color?: string | undefined;
}

/**
 * An icon as a glyph of its icon font (see icons.ts), `size` px square, coloured by `color` or
 * the text colour. Empty for an empty name. The ligature is drawn by CSS (`::before` with
 * `attr(data-icon)`), so it is not part of the text of what holds it: a Button with an icon
 * still reads as its label.
 */
export function IconGlyph({ name, size = 24, color }: IconGlyphProps) {
  const face = iconFace(name);
  const style: CSSProperties = { width: size, height: size, fontSize: size, color };
  if (!face) return <span className="weft-icon-glyph" style={style} aria-hidden="true" />;
  style.fontFamily = `weft-icons-${face.family}`;
  return (
    <span className="weft-icon-glyph" style={style} aria-hidden="true" data-icon={face.ligature} />
  );
}
