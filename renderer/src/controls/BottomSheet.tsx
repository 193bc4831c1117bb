import { useRef, useState, type CSSProperties, type PointerEvent } from "react";
import { resolveColor } from "../colors.ts";
import { renderSlot } from "../ControlView.tsx";
import { baseAttributes, DisabledContext, useDisabled, type ControlComponentProps } from "./common.ts";
import { useDialogLayer } from "./useDialogLayer.ts";

/** How far (px) the handle must be dragged down to dismiss the sheet. */
const DRAG_DISMISS_PX = 80;

/**
 * Material 3's modal bottom sheet over a scrim. A dismissible sheet (the default) closes on
 * Escape, a click on the scrim, or a drag of its handle down past 80 px.
 */
export function BottomSheet({ node }: ControlComponentProps<"BottomSheet">) {
  const p = node.p;
  const panel = useRef<HTMLDivElement>(null);
  const disabled = useDisabled(node);
  const dismissible = p.dismissible !== false;
  const { open, dismiss } = useDialogLayer(node, panel, { modalFocus: true, escape: dismissible });
  const drag = useRef<{ y: number; pointer: number } | null>(null);
  const [offset, setOffset] = useState(0);
  if (!open) return null;

  const attrs = baseAttributes(node, "weft-layer weft-layer--bottom");
  const panelStyle: CSSProperties = attrs.style;
  attrs.style = {};
  const background = resolveColor(p.bgcolor);
  if (background) panelStyle.background = background;
  if (offset > 0) {
    panelStyle.transform = `translateY(${offset}px)`;
    panelStyle.transition = "none"; // follow the pointer; the snap back is animated
  }

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!dismissible) return;
    drag.current = { y: e.clientY, pointer: e.pointerId };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointer === e.pointerId) setOffset(Math.max(0, e.clientY - drag.current.y));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointer !== e.pointerId) return;
    const far = e.clientY - drag.current.y >= DRAG_DISMISS_PX;
    drag.current = null;
    setOffset(0);
    if (far) dismiss();
  };
  return (
    <div {...attrs}>
      <div className="weft-scrim" onClick={dismissible ? dismiss : undefined} />
      <div ref={panel} className="weft-bottomsheet" role="dialog" aria-modal="true" tabIndex={-1} style={panelStyle}>
        {p.showDragHandle === true && (
          <div
            className="weft-bottomsheet-handle"
            aria-hidden="true"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => {
              drag.current = null;
              setOffset(0);
            }}
          >
            <span />
          </div>
        )}
        <DisabledContext value={disabled}>
          <div className="weft-bottomsheet-content">{renderSlot(node, "content")}</div>
        </DisabledContext>
      </div>
    </div>
  );
}
