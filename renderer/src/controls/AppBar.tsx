import type { CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { renderSlot } from "../ControlView.tsx";
import { IconGlyph } from "../IconGlyph.tsx";
import { useNode } from "../useNode.ts";
import { useWeft } from "../WeftContext.ts";
import type { ControlId } from "@weft/protocol";
import type { NodeStore } from "../NodeStore.ts";
import { baseAttributes, DisabledContext, elevationShadow, num, textOrSlot, useDisabled, type ControlComponentProps } from "./common.ts";

/** The nearest View above `id`, walking up the store. */
function enclosingView(store: NodeStore, id: ControlId | null): ControlId | undefined {
  for (let at = id; at !== null; ) {
    const node = store.get(at);
    if (!node) return undefined;
    if (node.t === "View") return node.id;
    at = node.parent;
  }
  return undefined;
}

/**
 * The bar on top of a View (its `appbar`, or one of its controls, as Flet allows): leading (or a
 * back button), title, actions. As in Flutter, the
 * leading slot is `leadingWidth` (56) wide and the bar's height tall, and what it holds (a logo
 * Image, say) is fitted into it. The back button shows
 * when the bar's View is above another in the page's `views`; it fires the page's `viewPop`
 * with that View's id, or goes back in the browser's history when the app has no `onViewPop`.
 */
export function AppBar({ node }: ControlComponentProps<"AppBar">) {
  const p = node.p;
  const weft = useWeft();
  const disabled = useDisabled(node);
  // The bar's View: the one whose `appbar` it is, or (as Flet allows) the one it stands in,
  // however deep (a SafeArea's Column, say). A bar does not move between views, so the walk up
  // is done once per render and the view is then subscribed to.
  const view = useNode(enclosingView(weft.store, node.parent) ?? -1);
  const page = useNode(view?.parent ?? -1);
  const views = page?.slots.views ?? [];
  const canPop = view !== undefined && views.indexOf(view.id) > 0;
  const hasLeading = (node.slots.leading?.length ?? 0) > 0;
  const showBack = !hasLeading && canPop && p.automaticallyImplyLeading !== false;

  const back = () => {
    if (!page || !view) return;
    if (weft.store.get(page.id)?.h.includes("viewPop")) weft.send({ type: "event", id: page.id, name: "viewPop", data: view.id });
    else history.back();
  };

  const style: CSSProperties = { boxShadow: elevationShadow(p.elevation) };
  const background = resolveColor(p.bgcolor);
  const color = resolveColor(p.color);
  const height = num(p.toolbarHeight);
  if (background) style.background = background;
  if (color) style.color = color;
  if (height !== undefined) style.minHeight = height;
  const title = textOrSlot(node, "title");
  const centered = p.centerTitle === true;
  return (
    <header {...baseAttributes(node, `weft-appbar-bar${centered ? " weft-appbar-bar--center" : ""}`, style)}>
      <DisabledContext value={disabled}>
        {(showBack || hasLeading) && (
          <div className="weft-appbar-leading" style={{ width: num(p.leadingWidth) ?? 56 }}>
            {showBack ? (
              <button type="button" className="weft-iconbutton weft-iconbutton--standard" aria-label="Back" title="Back" onClick={back} disabled={disabled}>
                <IconGlyph name="arrow_back" size={24} />
              </button>
            ) : (
              renderSlot(node, "leading")
            )}
          </div>
        )}
        <div className="weft-appbar-title">{title === null ? renderSlot(node, "title") : <span className="weft-appbar-title-text">{title}</span>}</div>
        {node.slots.actions && node.slots.actions.length > 0 && <div className="weft-appbar-actions">{renderSlot(node, "actions")}</div>}
      </DisabledContext>
    </header>
  );
}
