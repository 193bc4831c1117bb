import type { ControlId } from "@weft/protocol";

/**
 * The outline the inspector draws over a control in the app page (hover a tree node, or pick
 * mode): one fixed box with a name tag, above everything and ignoring the pointer, so it never
 * changes what the page does. It follows the element while the page scrolls or resizes.
 */
let box: HTMLDivElement | null = null;
let tag: HTMLDivElement | null = null;
let target: Element | null = null;
let frame = 0;

export function findControlElement(id: ControlId): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-weft-id="${Number(id)}"]`);
}

/** The name shown on the outline: `Button#inc`, from the element's data attributes. */
export function labelOfElement(element: Element): string {
  const type = element.getAttribute("data-weft-type") ?? "Control";
  const key = element.getAttribute("data-weft-key");
  return `${type}#${key ?? element.getAttribute("data-weft-id")}`;
}

/** Outlines `element` with `label` (or removes the outline with null). */
export function showHighlight(element: Element | null, label?: string): void {
  if (!element) return hideHighlight();
  if (!box) {
    box = document.createElement("div");
    box.setAttribute("data-weft-devtools", "highlight");
    box.style.cssText =
      "position:fixed;z-index:2147483647;pointer-events:none;box-sizing:border-box;border:2px solid #3b82f6;background:rgba(59,130,246,.12);border-radius:2px;transition:all 60ms ease-out";
    tag = document.createElement("div");
    tag.style.cssText =
      "position:absolute;left:-2px;bottom:100%;margin-bottom:2px;padding:1px 6px;font:600 11px/16px ui-monospace,SFMono-Regular,Menlo,monospace;color:#fff;background:#2563eb;border-radius:3px;white-space:nowrap";
    box.appendChild(tag);
    document.body.appendChild(box);
  }
  target = element;
  tag!.textContent = label ?? labelOfElement(element);
  place();
}

export function hideHighlight(): void {
  cancelAnimationFrame(frame);
  box?.remove();
  box = tag = null;
  target = null;
}

function place(): void {
  cancelAnimationFrame(frame);
  if (!box || !target) return;
  if (!target.isConnected) return hideHighlight();
  const r = target.getBoundingClientRect();
  Object.assign(box.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${Math.max(r.width, 2)}px`, height: `${Math.max(r.height, 2)}px` });
  // The tag flips inside the box when the control touches the top of the window.
  tag!.style.bottom = r.top < 20 ? "auto" : "100%";
  tag!.style.top = r.top < 20 ? "0" : "auto";
  frame = requestAnimationFrame(place);
}
