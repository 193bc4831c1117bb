import { useId } from "react";
import type { PropValue } from "@weft/protocol";
import { useEvents } from "../useEvents.ts";
import { IconGlyph } from "../IconGlyph.tsx";
import { baseAttributes, str, useDisabled, type ControlComponentProps } from "./common.ts";

interface Option {
  key: string;
  text: string;
  disabled: boolean;
}

/** Options arrive as strings or `{ key, text?, disabled? }`; anything else is skipped. */
function readOptions(options: PropValue | undefined): Option[] {
  if (!Array.isArray(options)) return [];
  const out: Option[] = [];
  for (const option of options) {
    if (typeof option === "string" || typeof option === "number") {
      out.push({ key: String(option), text: String(option), disabled: false });
    } else if (option && typeof option === "object" && !Array.isArray(option) && option.key != null) {
      const key = String(option.key);
      out.push({ key, text: option.text != null ? String(option.text) : key, disabled: option.disabled === true });
    }
  }
  return out;
}

/** A select box; `value` is the key of the chosen option. */
export function Dropdown({ node }: ControlComponentProps<"Dropdown">) {
  const p = node.p;
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const selectId = useId();
  const options = readOptions(p.options);
  const value = p.value == null ? "" : String(p.value);
  const label = str(p.label);
  const chosen = options.some((o) => o.key === value);
  return (
    <div {...baseAttributes(node, `weft-dropdown${label ? " weft-textfield--labelled" : ""}${chosen ? " weft-textfield--filled" : ""}${disabled ? " weft-disabled" : ""}`)}>
      <div className="weft-field">
        {label && (
          <label className="weft-field-label" htmlFor={selectId}>
            {label}
          </label>
        )}
        <select
          id={selectId}
          value={chosen ? value : ""}
          disabled={disabled}
          onChange={(e) => events.change({ value: e.target.value }, e.target.value)}
        >
          {!chosen && (
            <option value="" disabled hidden>
              {/* With a label, the label is the placeholder (as in Flutter); the hint would sit under it. */}
              {label ? "" : str(p.hintText)}
            </option>
          )}
          {options.map((o) => (
            <option key={o.key} value={o.key} disabled={o.disabled}>
              {o.text}
            </option>
          ))}
        </select>
        <IconGlyph name="expand_more" size={20} />
      </div>
    </div>
  );
}
