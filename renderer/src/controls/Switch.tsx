import type { CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { useEvents } from "../useEvents.ts";
import type { PropValue } from "@weft/protocol";
import { IconGlyph } from "../IconGlyph.tsx";
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
  const thumb = thumbIcon(p.thumbIcon, p.value === true, disabled);
  return (
    <label {...baseAttributes(node, `weft-switch${disabled ? " weft-disabled" : ""}`, style)}>
      {before && text}
      <span className="weft-switch-box">
        <input
          type="checkbox"
          role="switch"
          className="weft-switch-track"
          checked={p.value === true}
          disabled={disabled}
          onChange={(e) => events.change({ value: e.target.checked }, e.target.checked)}
        />
        {thumb && (
          <span className="weft-switch-thumb-icon">
            <IconGlyph name={thumb} size={16} />
          </span>
        )}
      </span>
      {!before && text}
    </label>
  );
}

/**
 * The icon in the thumb (Flet's `thumb_icon`): one icon name, or one per ControlState
 * (`selected`, `disabled`, `default`…), the first that applies.
 */
function thumbIcon(value: PropValue | undefined, on: boolean, disabled: boolean): string | undefined {
  if (typeof value === "string") return value || undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const states = [disabled && "disabled", on && "selected", "default"].filter((s): s is string => typeof s === "string");
  for (const state of states) {
    const icon = value[state];
    if (typeof icon === "string" && icon !== "") return icon;
  }
  return undefined;
}
