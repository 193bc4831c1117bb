import { useContext, type CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { baseAttributes, str, useDisabled, type ControlComponentProps } from "./common.ts";
import { RadioGroupContext } from "./RadioGroup.tsx";

/** One choice of the enclosing RadioGroup: an `<input type="radio">` in a `<label>`. */
export function Radio({ node }: ControlComponentProps<"Radio">) {
  const p = node.p;
  const group = useContext(RadioGroupContext);
  const disabled = useDisabled(node);
  // Any JSON value (Flet's Radio values may be numbers…); compared as JSON with the group's.
  const value = p.value ?? null;
  const key = JSON.stringify(value);
  const label = str(p.label);
  const style: CSSProperties = {};
  const color = resolveColor(p.activeColor);
  if (color) style.accentColor = color;
  return (
    <label {...baseAttributes(node, `weft-radio${disabled ? " weft-disabled" : ""}`, style)}>
      <input
        type="radio"
        name={group?.name}
        value={typeof value === "string" ? value : key}
        checked={group ? group.value === key : false}
        disabled={disabled}
        onChange={(e) => {
          if (e.target.checked) group?.select(value);
        }}
      />
      {label && <span className="weft-radio-label">{label}</span>}
    </label>
  );
}
