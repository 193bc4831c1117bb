import { use } from "react";
import { renderSlot } from "../ControlView.tsx";
import { IconGlyph } from "../IconGlyph.tsx";
import { useEvents } from "../useEvents.ts";
import { baseAttributes, num, spacing, textOrSlot, useDisabled, type ControlComponentProps } from "./common.ts";
import { iconOrSlot } from "./iconOrSlot.tsx";
import { PopupMenuContext } from "./PopupMenuButton.tsx";

/**
 * One entry of a popup menu: 48 px tall (`height`), 12 px padding, the icon, a check mark when
 * `checked` is set, and the content. Picking it fires its `click`, then the menu's `select`.
 * Without content or icon it is a divider, as in Flet.
 */
export function PopupMenuItem({ node }: ControlComponentProps<"PopupMenuItem">) {
  const p = node.p;
  const menu = use(PopupMenuContext);
  const events = useEvents(node.id);
  const disabled = useDisabled(node);
  const content = textOrSlot(node, "content");
  const icon = iconOrSlot(node, "icon", 24);
  if (content === "" && icon === null) return <div {...baseAttributes(node, "weft-popupmenu-divider")} role="separator" />;
  const checkable = typeof p.checked === "boolean";
  const attrs = baseAttributes(node, "weft-popupmenu-item");
  const height = num(p.height);
  if (height !== undefined) attrs.style = { ...attrs.style, minHeight: height, height: undefined };
  const padding = spacing(p.padding);
  if (padding !== undefined) attrs.style = { ...attrs.style, padding };
  return (
    <button
      type="button"
      {...attrs}
      role={checkable ? "menuitemcheckbox" : "menuitem"}
      aria-checked={checkable ? p.checked === true : undefined}
      disabled={disabled}
      onClick={() => {
        events.event("click");
        menu?.picked(node.id);
      }}
    >
      {checkable && <span className="weft-popupmenu-check">{p.checked === true && <IconGlyph name="check" size={24} />}</span>}
      {icon}
      <span className="weft-popupmenu-label">{content === null ? renderSlot(node, "content") : content}</span>
    </button>
  );
}
