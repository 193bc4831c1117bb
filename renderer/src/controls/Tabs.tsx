import { useRef, type KeyboardEvent } from "react";
import { renderSlot } from "../ControlView.tsx";
import { IconGlyph } from "../IconGlyph.tsx";
import { createEvents, useEvents } from "../useEvents.ts";
import { useNode } from "../useNode.ts";
import { useWeft } from "../WeftContext.ts";
import { baseAttributes, DisabledContext, num, str, useDisabled, type ControlComponentProps } from "./common.ts";

/**
 * A row of tab headers (each `Tab` draws its own header, so every tab carries its markers)
 * over the selected tab's `content`. Arrow keys move between tabs, as WAI-ARIA's tabs pattern asks.
 */
export function Tabs({ node }: ControlComponentProps<"Tabs">) {
  const p = node.p;
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const list = useRef<HTMLDivElement>(null);
  const tabs = node.slots.tabs ?? [];
  const selected = Math.min(num(p.selectedIndex) ?? 0, tabs.length - 1);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    const to = e.key === "Home" ? 0 : e.key === "End" ? tabs.length - 1 : (selected + step + tabs.length) % tabs.length;
    if ((step === 0 && e.key !== "Home" && e.key !== "End") || tabs.length === 0 || disabled) return;
    e.preventDefault();
    if (to !== selected) events.change({ selectedIndex: to }, to);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[to]?.focus();
  };

  return (
    <div {...baseAttributes(node, "weft-tabs")}>
      <DisabledContext value={disabled}>
        <div ref={list} className={`weft-tabs-bar${p.scrollable === true ? " weft-tabs-bar--scrollable" : ""}`} role="tablist" onKeyDown={onKeyDown}>
          {renderSlot(node, "tabs")}
        </div>
        {tabs[selected] !== undefined && <TabPanel id={tabs[selected]} />}
      </DisabledContext>
    </div>
  );
}

/** The selected tab's content; subscribes to that tab so a new content shows at once. */
function TabPanel({ id }: { id: number }) {
  const tab = useNode(id);
  if (!tab) return null;
  return (
    <div className="weft-tabs-panel" role="tabpanel" id={`weft-tabpanel-${id}`} aria-labelledby={`weft-tab-${id}`}>
      {renderSlot(tab, "content")}
    </div>
  );
}

/** One tab's header; clicking it selects it in its Tabs (a `props` then `change` of the Tabs). */
export function Tab({ node }: ControlComponentProps<"Tab">) {
  const p = node.p;
  const weft = useWeft();
  const disabled = useDisabled(node);
  const parent = useNode(node.parent ?? -1);
  const index = parent?.slots.tabs?.indexOf(node.id) ?? -1;
  const active = parent !== undefined && index === Math.min(num(parent.p.selectedIndex) ?? 0, (parent.slots.tabs?.length ?? 1) - 1);
  const text = str(p.text);
  const icon = typeof p.icon === "string" && p.icon !== "" ? p.icon : undefined;
  const select = () => {
    if (!parent || active || index < 0) return;
    createEvents(weft, parent.id).change({ selectedIndex: index }, index);
  };
  return (
    <button
      type="button"
      role="tab"
      id={`weft-tab-${node.id}`}
      aria-selected={active}
      aria-controls={active ? `weft-tabpanel-${node.id}` : undefined}
      tabIndex={active ? 0 : -1}
      disabled={disabled}
      onClick={select}
      {...baseAttributes(node, `weft-tab${active ? " weft-tab--selected" : ""}${icon && text ? " weft-tab--stacked" : ""}`)}
    >
      {icon && <IconGlyph name={icon} size={24} />}
      {text && <span className="weft-tab-text">{text}</span>}
    </button>
  );
}
