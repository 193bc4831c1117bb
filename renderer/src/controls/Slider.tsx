import { useEffect, useRef, useState, type CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { useEvents } from "../useEvents.ts";
import { baseAttributes, num, str, useDisabled, type ControlComponentProps } from "./common.ts";

/**
 * A range input. Every move sends the value (`props`, then `change` if handled); the native
 * `change` event, which fires when the user lets go or a key settles the value, sends
 * `changeEnd`. With `label`, a bubble over the thumb shows it (`{value}` replaced) while in use.
 */
export function Slider({ node }: ControlComponentProps<"Slider">) {
  const p = node.p;
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(false);
  const min = num(p.min) ?? 0;
  const max = Math.max(num(p.max) ?? 1, min);
  const divisions = num(p.divisions);
  const step = divisions !== undefined && divisions > 0 ? (max - min) / divisions : "any";
  const value = Math.min(max, Math.max(min, num(p.value) ?? min));
  const fill = max > min ? ((value - min) / (max - min)) * 100 : 0;

  useEffect(() => {
    const el = input.current;
    if (!el) return;
    const end = () => events.event("changeEnd", Number(el.value));
    el.addEventListener("change", end);
    return () => el.removeEventListener("change", end);
  }, [events]);

  const style: CSSProperties = {};
  (style as Record<string, string>)["--weft-slider-fill"] = `${fill}%`;
  (style as Record<string, string>)["--weft-slider-ratio"] = String(fill / 100);
  const color = resolveColor(p.activeColor);
  if (color) (style as Record<string, string>)["--weft-slider-color"] = color;
  const label = typeof p.label === "string" && p.label !== "" ? p.label.replaceAll("{value}", formatValue(value, num(p.round) ?? 0)) : "";
  return (
    <div {...baseAttributes(node, `weft-slider${disabled ? " weft-disabled" : ""}`, style)}>
      <input
        ref={input}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        aria-valuetext={label || undefined}
        onChange={(e) => {
          const next = Number(e.target.value);
          events.change({ value: next }, next);
        }}
        onPointerDown={() => events.event("changeStart", value)}
        onFocus={() => setActive(true)}
        onBlur={() => setActive(false)}
        onPointerEnter={() => setActive(true)}
        onPointerLeave={(e) => e.currentTarget !== document.activeElement && setActive(false)}
      />
      {label && active && !disabled && (
        <span className="weft-slider-label" aria-hidden="true">
          {str(label)}
        </span>
      )}
    </div>
  );
}

/** The value with `round` decimals (Flet's `Slider.round`, default 0: a whole number). */
function formatValue(value: number, round: number): string {
  return value.toFixed(Math.min(20, Math.max(0, Math.round(round))));
}
