import { resolveColor } from "../colors.ts";
import { IconGlyph } from "../IconGlyph.tsx";
import { baseAttributes, num, str, type ControlComponentProps } from "./common.ts";

/** A Material icon by name, from the built-in set; an unknown name shows as text. */
export function Icon({ node }: ControlComponentProps<"Icon">) {
  const p = node.p;
  const name = str(p.name);
  return (
    <span {...baseAttributes(node, "weft-icon")} role="img" aria-label={name}>
      <IconGlyph name={name} size={num(p.size) ?? 24} color={resolveColor(p.color)} />
    </span>
  );
}
