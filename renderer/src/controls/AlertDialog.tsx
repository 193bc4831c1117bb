import { useId, useRef, type CSSProperties, type MouseEvent } from "react";
import { resolveColor } from "../colors.ts";
import { renderSlot } from "../ControlView.tsx";
import { IconGlyph } from "../IconGlyph.tsx";
import { alignmentXY, axisPlace, baseAttributes, DisabledContext, mainAxis, spacing, textOrSlot, useDisabled, type ControlComponentProps } from "./common.ts";
import { useDialogLayer } from "./useDialogLayer.ts";

/**
 * Material 3's dialog over a scrim. The outermost element is the whole layer (scrim included);
 * `width`/`height` size the panel. A non-modal dialog is dismissed by Escape or a click on the
 * scrim; a modal one only by the app.
 */
export function AlertDialog({ node }: ControlComponentProps<"AlertDialog">) {
  const p = node.p;
  const panel = useRef<HTMLDivElement>(null);
  const pressed = useRef<EventTarget | null>(null);
  const titleId = useId();
  const disabled = useDisabled(node);
  const modal = p.modal === true;
  const { open, dismiss } = useDialogLayer(node, panel, { modalFocus: true, escape: !modal });
  if (!open) return null;

  const attrs = baseAttributes(node, "weft-layer weft-layer--center");
  const panelStyle: CSSProperties = attrs.style;
  // Flet's `alignment`: where on the page the dialog sits (default the centre).
  const at = alignmentXY(p.alignment);
  attrs.style = at ? { justifyContent: axisPlace(at.x), alignItems: axisPlace(at.y) } : {};
  // With any part's padding set, each part is padded on its own (Flutter's defaults for the others).
  const paddings = { title: spacing(p.titlePadding), content: spacing(p.contentPadding), actions: spacing(p.actionsPadding) };
  const parts = paddings.title !== undefined || paddings.content !== undefined || paddings.actions !== undefined;
  const pad = (padding: string | undefined) => (padding === undefined ? undefined : { padding });
  const background = resolveColor(p.bgcolor);
  if (background) panelStyle.background = background;
  const title = textOrSlot(node, "title");
  const hasTitle = title === null || title !== "";
  const icon = typeof p.icon === "string" && p.icon !== "" ? p.icon : undefined;
  const actions = node.slots.actions ?? [];
  const justify = mainAxis(p.actionsAlignment) ?? "flex-end";

  // Only a click that starts and ends on the scrim dismisses: a text selection dragged out of
  // the panel does not.
  const onScrimDown = (e: MouseEvent) => void (pressed.current = e.target);
  const onScrimClick = (e: MouseEvent) => {
    if (!modal && e.target === e.currentTarget && pressed.current === e.currentTarget) dismiss();
  };
  return (
    <div {...attrs}>
      <div className="weft-scrim" onMouseDown={onScrimDown} onClick={onScrimClick} />
      <div
        ref={panel}
        className={`weft-dialog${icon ? " weft-dialog--icon" : ""}${parts ? " weft-dialog--parts" : ""}`}
        role={modal ? "alertdialog" : "dialog"}
        aria-modal="true"
        aria-labelledby={hasTitle ? titleId : undefined}
        tabIndex={-1}
        style={panelStyle}
      >
        <DisabledContext value={disabled}>
          {icon && (
            <div className="weft-dialog-icon">
              <IconGlyph name={icon} size={24} />
            </div>
          )}
          {hasTitle && (
            <div className="weft-dialog-title" id={titleId} style={pad(paddings.title)}>
              {title === null ? renderSlot(node, "title") : title}
            </div>
          )}
          {node.slots.content && node.slots.content.length > 0 && <div className="weft-dialog-content" style={pad(paddings.content)}>{renderSlot(node, "content")}</div>}
          {actions.length > 0 && (
            <div className="weft-dialog-actions" style={{ justifyContent: justify, ...pad(paddings.actions) }}>
              {renderSlot(node, "actions")}
            </div>
          )}
        </DisabledContext>
      </div>
    </div>
  );
}
