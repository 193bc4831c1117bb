import { createContext, useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { resolveColor } from "../colors.ts";
import { renderSlot } from "../ControlView.tsx";
import { IconGlyph } from "../IconGlyph.tsx";
import { useEvents } from "../useEvents.ts";
import { baseAttributes, DisabledContext, elevationShadow, num, textOrSlot, useDisabled, type ControlComponentProps } from "./common.ts";
import { iconOrSlot } from "./iconOrSlot.tsx";

/** What a PopupMenuItem needs from the menu it is in. */
export interface PopupMenu {
  /** Closes the menu after the item `id` was picked (the button's `select` follows the item's `click`). */
  picked(id: number): void;
}

export const PopupMenuContext = createContext<PopupMenu | null>(null);

/**
 * Flutter's PopupMenuButton: an icon button ("more_vert", or `icon`, or `content`) that opens a
 * menu of its `items` over itself (under it with `menuPosition: "under"`). The menu is fixed to
 * the viewport at the button's place; Escape or a click elsewhere closes it (`cancel`), and the
 * arrow keys move between items.
 */
export function PopupMenuButton({ node }: ControlComponentProps<"PopupMenuButton">) {
  const p = node.p;
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const anchor = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<CSSProperties | null>(null);
  const open = place !== null;

  const show = () => {
    const rect = anchor.current?.getBoundingClientRect();
    if (!rect) return;
    const under = p.menuPosition === "under";
    // Right-aligned with the button when it sits in the right half (an app bar's actions).
    const right = rect.left + rect.width / 2 > window.innerWidth / 2;
    const style: CSSProperties = { top: under ? rect.bottom : rect.top, minWidth: 112 };
    if (right) style.right = Math.max(8, window.innerWidth - rect.right);
    else style.left = Math.max(8, rect.left);
    setPlace(style);
    events.event("open");
  };
  const close = useCallback(
    (cancelled: boolean) => {
      setPlace(null);
      if (cancelled) events.event("cancel");
      anchor.current?.querySelector<HTMLElement>("button")?.focus();
    },
    [events],
  );
  const context = useRef<PopupMenu>({ picked: () => {} });
  context.current.picked = (id) => {
    close(false);
    events.event("select", id);
  };

  // Keep the menu inside the window, and move the focus into it.
  useLayoutEffect(() => {
    const panel = menu.current;
    if (!open || !panel) return;
    const rect = panel.getBoundingClientRect();
    if (rect.bottom > window.innerHeight - 8) panel.style.top = `${Math.max(8, window.innerHeight - 8 - rect.height)}px`;
    panel.querySelector<HTMLElement>('[role^="menuitem"]:not(:disabled)')?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !anchor.current?.contains(target)) close(true);
    };
    document.addEventListener("pointerdown", onDown, true);
    return () => document.removeEventListener("pointerdown", onDown, true);
  }, [open, close]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      close(true);
      return;
    }
    const step = e.key === "ArrowDown" ? 1 : e.key === "ArrowUp" ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not(:disabled)') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    items[(at + step + items.length) % items.length]?.focus();
  };

  const content = textOrSlot(node, "content");
  const size = num(p.iconSize) ?? 24;
  const icon = iconOrSlot(node, "icon", size, resolveColor(p.iconColor)) ?? <IconGlyph name="more_vert" size={size} color={resolveColor(p.iconColor)} />;
  const name = typeof p.tooltip === "string" && p.tooltip !== "" ? p.tooltip : "Show menu";
  const menuStyle: CSSProperties = { ...place, boxShadow: elevationShadow(p.elevation, 3) };
  const background = resolveColor(p.bgcolor);
  if (background) menuStyle.background = background;
  return (
    <div ref={anchor} {...baseAttributes(node, "weft-popupmenu")}>
      {content === null || content !== "" ? (
        <button type="button" className="weft-popupmenu-content weft-ink" aria-haspopup="menu" aria-expanded={open} disabled={disabled} onClick={() => (open ? close(true) : show())}>
          {content === null ? renderSlot(node, "content") : content}
        </button>
      ) : (
        <button
          type="button"
          className="weft-iconbutton weft-iconbutton--standard"
          aria-label={name}
          aria-haspopup="menu"
          aria-expanded={open}
          disabled={disabled}
          onClick={() => (open ? close(true) : show())}
        >
          {icon}
        </button>
      )}
      {open && (
        <div ref={menu} className="weft-popupmenu-menu" role="menu" style={menuStyle} onKeyDown={onKeyDown}>
          <DisabledContext value={disabled}>
            <PopupMenuContext value={context.current}>{renderSlot(node, "items")}</PopupMenuContext>
          </DisabledContext>
        </div>
      )}
    </div>
  );
}
