import type { CSSProperties } from "react";
import type { PropValue } from "@weft/protocol";
import { resolveColor } from "../colors.ts";
import { IconGlyph } from "../IconGlyph.tsx";
import { useEvents } from "../useEvents.ts";
import { baseAttributes, num, str, useDisabled, type ControlComponentProps } from "./common.ts";

interface Destination {
  icon: string;
  label: string;
  selectedIcon: string | undefined;
}

/** Destinations arrive as plain objects `{icon, label, selectedIcon?}`; anything else is skipped. */
function readDestinations(value: PropValue | undefined): Destination[] {
  if (!Array.isArray(value)) return [];
  const out: Destination[] = [];
  for (const d of value) {
    if (!d || typeof d !== "object" || Array.isArray(d)) continue;
    out.push({ icon: str(d.icon), label: str(d.label), selectedIcon: typeof d.selectedIcon === "string" ? d.selectedIcon : undefined });
  }
  return out;
}

/** Material 3's navigation bar: icons in a pill when selected, labels below. */
export function NavigationBar({ node }: ControlComponentProps<"NavigationBar">) {
  const p = node.p;
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const destinations = readDestinations(p.destinations);
  const selected = num(p.selectedIndex) ?? 0;
  const style: CSSProperties = {};
  const background = resolveColor(p.bgcolor);
  const indicator = resolveColor(p.indicatorColor);
  if (background) style.background = background;
  if (indicator) (style as Record<string, string>)["--weft-navbar-indicator"] = indicator;
  return (
    <nav {...baseAttributes(node, `weft-navbar${disabled ? " weft-disabled" : ""}`, style)}>
      {destinations.map((d, i) => {
        const active = i === selected;
        return (
          <button
            key={i}
            type="button"
            className={`weft-navbar-item${active ? " weft-navbar-item--selected" : ""}`}
            aria-current={active ? "page" : undefined}
            disabled={disabled}
            onClick={() => {
              if (!active) events.change({ selectedIndex: i }, i);
            }}
          >
            <span className="weft-navbar-indicator">
              <IconGlyph name={active && d.selectedIcon ? d.selectedIcon : d.icon} size={24} />
            </span>
            <span className="weft-navbar-label">{d.label}</span>
          </button>
        );
      })}
    </nav>
  );
}
