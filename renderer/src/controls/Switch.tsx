import type { CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { useEvents } from "../useEvents.ts";
import { baseAttributes, str, useDisabled, type ControlComponentProps } from "./common.ts";

/**
 * Material 3's switch: an `<input type="checkbox" role="switch">` drawn as a track and thumb,
 * inside a `<label>` so a click on the text flips it too.
 */
export function Switch({ node }: ControlComponentProps<"Switch">) {
  const p = node.p;
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const label = str(p.label);
  const style: CSSProperties = {};
  const active = resolveColor(p.activeColor);
  if (active) (style as Record<string, string>)["--weft-switch-on"] = active;
  const text = label && <span className="weft-switch-label">{label}</span>;
  const before = p.labelPosition === "left";
  return (
    <label {...baseAttributes(node, `weft-switch${disabled ? " weft-disabled" : ""}`, style)}>
      {before && text}
      <input
        type="checkbox"
        role="switch"
        className="weft-switch-track"
        checked={p.value === true}
        disabled={disabled}
        onChange={(e) => events.change({ value: e.target.checked }, e.target.checked)}
      />
      {!before && text}
    </label>
  );
}
