import { useEvents } from "../useEvents.ts";
import { baseAttributes, str, useDisabled, type ControlComponentProps } from "./common.ts";

/**
 * A tick box with its label; the `<label>` is the outermost element, so a click on the text
 * ticks the box too. The tick is mirrored into the store at once, so it never waits on the server.
 */
export function Checkbox({ node }: ControlComponentProps<"Checkbox">) {
  const p = node.p;
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const label = str(p.label);
  return (
    <label {...baseAttributes(node, `weft-checkbox${disabled ? " weft-disabled" : ""}`)}>
      <span className="weft-checkbox-target">
        <input
          type="checkbox"
          checked={p.value === true}
          disabled={disabled}
          onChange={(e) => events.change({ value: e.target.checked }, e.target.checked)}
        />
        {/* M3's box, drawn: 18 px, a 2 px border, the tick in onPrimary on primary. */}
        <span className="weft-checkbox-box" aria-hidden="true">
          <svg viewBox="0 0 18 18">
            <path d="M3.5 9.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
        </span>
      </span>
      {label && <span className="weft-checkbox-label">{label}</span>}
    </label>
  );
}
