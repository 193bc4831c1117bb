import { createContext, use, useMemo, useRef, type CSSProperties, type KeyboardEvent, type ReactNode } from "react";
import { resolveColor } from "../colors.ts";
import { renderSlot } from "../ControlView.tsx";
import { createEvents, useEvents } from "../useEvents.ts";
import { useNode } from "../useNode.ts";
import { useWeft } from "../WeftContext.ts";
import { baseAttributes, DisabledContext, num, str, textOrSlot, useDisabled, type ControlComponentProps } from "./common.ts";
import { iconOrSlot } from "./iconOrSlot.tsx";

/** What a Tabs tells the TabBar and TabBarView inside it (Flutter's DefaultTabController). */
interface TabController {
  selected: number;
  select(index: number): void;
}

const TabsContext = createContext<TabController | null>(null);

/** What a row of tab headers tells each Tab in it. */
interface TabRow {
  indexOf(id: number): number;
  selected: number;
  select(index: number): void;
}

const TabRowContext = createContext<TabRow | null>(null);

/** `selectedIndex` within `length`; negative counts from the end, as in Flet. */
function clampIndex(index: number, length: number): number {
  if (length <= 0) return 0;
  const i = index < 0 ? length + index : index;
  return Math.min(Math.max(i, 0), length - 1);
}

/**
 * Flet 1.0's Tabs: holds the selected index for the TabBar and the TabBarView anywhere in its
 * `content`. A Tabs with `tabs` instead (weft's older form) draws the bar itself, over the
 * selected tab's `content`.
 */
export function Tabs({ node }: ControlComponentProps<"Tabs">) {
  const p = node.p;
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const legacy = (node.slots.tabs?.length ?? 0) > 0 && !node.slots.content?.length;
  const length = legacy ? (node.slots.tabs?.length ?? 0) : (num(p.length) ?? Number.POSITIVE_INFINITY);
  const selected = clampIndex(num(p.selectedIndex) ?? 0, length);
  const controller = useMemo<TabController>(
    () => ({ selected, select: (index) => index !== selected && events.change({ selectedIndex: index }, index) }),
    [selected, events],
  );
  if (legacy) return <LegacyTabs node={node} controller={controller} disabled={disabled} />;
  const attrs = baseAttributes(node, "weft-tabs-scope");
  return (
    <div {...attrs}>
      <DisabledContext value={disabled}>
        <TabsContext value={controller}>{renderSlot(node, "content")}</TabsContext>
      </DisabledContext>
    </div>
  );
}

/** The header row, with arrow-key moves between tabs (WAI-ARIA's tabs pattern). */
function TabList({ ids, row, className, style, children }: { ids: readonly number[]; row: TabRow; className: string; style?: CSSProperties; children: ReactNode }) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const count = ids.length;
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    const to = e.key === "Home" ? 0 : e.key === "End" ? count - 1 : (row.selected + step + count) % count;
    if ((step === 0 && e.key !== "Home" && e.key !== "End") || count === 0) return;
    e.preventDefault();
    row.select(to);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[to]?.focus();
  };
  return (
    <div ref={list} className={className} style={style} role="tablist" onKeyDown={onKeyDown}>
      <TabRowContext value={row}>{children}</TabRowContext>
    </div>
  );
}

function LegacyTabs({ node, controller, disabled }: { node: ControlComponentProps<"Tabs">["node"]; controller: TabController; disabled: boolean }) {
  const tabs = node.slots.tabs ?? [];
  const row: TabRow = { indexOf: (id) => tabs.indexOf(id), selected: controller.selected, select: (i) => !disabled && controller.select(i) };
  return (
    <div {...baseAttributes(node, "weft-tabs")}>
      <DisabledContext value={disabled}>
        <TabList ids={tabs} row={row} className={`weft-tabs-bar${node.p.scrollable === true ? " weft-tabs-bar--scrollable" : ""}`}>
          {renderSlot(node, "tabs")}
        </TabList>
        {tabs[controller.selected] !== undefined && <TabPanel id={tabs[controller.selected]} />}
      </DisabledContext>
    </div>
  );
}

/** The selected tab's content (older Tabs); subscribes to that tab so a new content shows at once. */
function TabPanel({ id }: { id: number }) {
  const tab = useNode(id);
  if (!tab) return null;
  return (
    <div className="weft-tabs-panel" role="tabpanel" id={`weft-tabpanel-${id}`} aria-labelledby={`weft-tab-${id}`}>
      {renderSlot(tab, "content")}
    </div>
  );
}

/**
 * Flet 1.0's TabBar: the headers of the Tabs it stands in, 48 px (64 with icons and labels),
 * the selected one's label in primary over a 3 px indicator, a divider under the bar.
 */
export function TabBar({ node }: ControlComponentProps<"TabBar">) {
  const p = node.p;
  const weft = useWeft();
  const controller = use(TabsContext);
  const disabled = useDisabled(node);
  const tabs = node.slots.tabs ?? [];
  const selected = clampIndex(controller?.selected ?? 0, tabs.length);
  const row: TabRow = {
    indexOf: (id) => tabs.indexOf(id),
    selected,
    select: (index) => {
      if (disabled) return;
      createEvents(weft, node.id).event("click", index);
      controller?.select(index);
    },
  };
  const style: CSSProperties = {};
  const vars = style as Record<string, string>;
  const colours = { indicatorColor: "--weft-tab-indicator", dividerColor: "--weft-tab-divider", labelColor: "--weft-tab-label", unselectedLabelColor: "--weft-tab-unselected" } as const;
  for (const [prop, variable] of Object.entries(colours)) {
    const colour = resolveColor(p[prop as keyof typeof colours]);
    if (colour) vars[variable] = colour;
  }
  let className = "weft-tabs-bar";
  if (p.scrollable !== false) className += " weft-tabs-bar--scrollable";
  if (p.secondary === true) className += " weft-tabs-bar--secondary";
  if (typeof p.tabAlignment === "string") className += ` weft-tabs-bar--${p.tabAlignment.toLowerCase()}`;
  const attrs = baseAttributes(node, "weft-tabbar");
  return (
    <div {...attrs}>
      <DisabledContext value={disabled}>
        <TabList ids={tabs} row={row} className={className} style={style}>
          {renderSlot(node, "tabs")}
        </TabList>
      </DisabledContext>
    </div>
  );
}

/** Flet 1.0's TabBarView: the control of the selected tab, of those in `controls`. */
export function TabBarView({ node }: ControlComponentProps<"TabBarView">) {
  const controller = use(TabsContext);
  const ids = node.slots.controls ?? [];
  const id = ids[clampIndex(controller?.selected ?? 0, ids.length)];
  const single = useMemo(() => ({ ...node, slots: { controls: id === undefined ? [] : [id] } }), [node, id]);
  return (
    <div {...baseAttributes(node, "weft-tabbarview")} role="tabpanel">
      {renderSlot(single, "controls")}
    </div>
  );
}

/** One tab's header; clicking it selects it in the row it is in. */
export function Tab({ node }: ControlComponentProps<"Tab">) {
  const row = use(TabRowContext);
  const disabled = useDisabled(node);
  const index = row?.indexOf(node.id) ?? -1;
  const active = row !== null && index === row.selected;
  const label = textOrSlot(node, "label");
  const text = label;
  const icon = iconOrSlot(node, "icon", 24);
  const select = () => {
    if (row && !active && index >= 0) row.select(index);
  };
  return (
    <button
      type="button"
      role="tab"
      id={`weft-tab-${node.id}`}
      aria-selected={active}
      aria-controls={active && node.slots.content?.length ? `weft-tabpanel-${node.id}` : undefined}
      tabIndex={active ? 0 : -1}
      disabled={disabled}
      onClick={select}
      {...baseAttributes(node, `weft-tab${active ? " weft-tab--selected" : ""}${icon && text !== "" ? " weft-tab--stacked" : ""}`)}
    >
      <span className="weft-tab-content">
        {icon}
        {text === null ? <span className="weft-tab-text">{renderSlot(node, "label")}</span> : text && <span className="weft-tab-text">{text}</span>}
      </span>
    </button>
  );
}
