import { useEffect, useRef, type CSSProperties } from "react";
import { resolveColor } from "../colors.ts";
import { renderSlot } from "../ControlView.tsx";
import { IconGlyph } from "../IconGlyph.tsx";
import { useEvents } from "../useEvents.ts";
import { baseAttributes, num, str, textOrSlot, type ControlComponentProps } from "./common.ts";
import { useDialogLayer } from "./useDialogLayer.ts";

/**
 * A short message at the bottom of the page. It closes itself after `duration` ms (4000 by
 * default) and when its action or close button is clicked; each of these is a dismissal the app
 * hears (`open` false, then `dismiss`; the action button fires `action` first).
 */
export function SnackBar({ node }: ControlComponentProps<"SnackBar">) {
  const p = node.p;
  const panel = useRef<HTMLDivElement>(null);
  const events = useEvents(node.id);
  const { open, dismiss } = useDialogLayer(node, panel, { modalFocus: false, escape: false });
  const duration = num(p.duration) ?? 4000;
  // Flet 1.0: a snack bar with an action stays until it is acted on or closed, unless `persist: false`.
  const persist = p.persist === true || (p.persist !== false && str(p.action) !== "");

  useEffect(() => {
    if (!open || duration <= 0 || persist) return;
    const timer = setTimeout(dismiss, duration);
    return () => clearTimeout(timer);
  }, [open, duration, dismiss, persist]);

  if (!open) return null;
  const style: CSSProperties = {};
  const background = resolveColor(p.bgcolor);
  if (background) style.background = background;
  const text = textOrSlot(node, "content");
  const action = str(p.action);
  const onAction = () => {
    events.report({ open: false });
    events.event("action");
    events.event("dismiss");
  };
  return (
    <div ref={panel} {...baseAttributes(node, "weft-snackbar", style)} role="status" aria-live="polite">
      <div className="weft-snackbar-content">{text === null ? renderSlot(node, "content") : text}</div>
      {action && (
        <button type="button" className="weft-snackbar-action" onClick={onAction}>
          {action}
        </button>
      )}
      {p.showCloseIcon === true && (
        <button type="button" className="weft-snackbar-close" aria-label="Close" onClick={dismiss}>
          <IconGlyph name="close" size={20} />
        </button>
      )}
    </div>
  );
}
