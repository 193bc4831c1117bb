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

/** The name shown on the outline, as every tool names controls: `Button#inc` by key, `Text@12` by id. */
export function labelOfElement(element: Element): string {
  const type = element.getAttribute("data-weft-type") ?? "Control";
  const key = element.getAttribute("data-weft-key");
  return key === null ? `${type}@${element.getAttribute("data-weft-id")}` : `${type}#${key}`;
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

/**
 * The box a control takes on screen. A control drawn without a box of its own (a function
 * component, a radio group: `display: contents`) takes the union of its children's boxes.
 */
export function boxOf(element: Element): { left: number; top: number; width: number; height: number } | null {
  const r = element.getBoundingClientRect();
  if (r.width > 0 || r.height > 0) return { left: r.left, top: r.top, width: r.width, height: r.height };
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const child of element.children) {
    const b = boxOf(child);
    if (!b) continue;
    left = Math.min(left, b.left);
    top = Math.min(top, b.top);
    right = Math.max(right, b.left + b.width);
    bottom = Math.max(bottom, b.top + b.height);
  }
  return left === Infinity ? null : { left, top, width: right - left, height: bottom - top };
}

/**
 * Scrolls the page so the control is in view, when it is not (hovering its row in the inspector
 * brings it to the person's eyes); a control without a box of its own scrolls to its first child.
 */
export function scrollIntoViewIfAway(element: Element): void {
  const b = boxOf(element);
  if (!b) return;
  if (b.top >= 0 && b.left >= 0 && b.top + Math.min(b.height, 40) <= innerHeight && b.left + Math.min(b.width, 40) <= innerWidth) return;
  let shown: Element | null = element;
  while (shown && shown.getBoundingClientRect().width === 0 && shown.getBoundingClientRect().height === 0) shown = shown.firstElementChild;
  (shown ?? element).scrollIntoView({ block: "center", inline: "nearest" });
}

function place(): void {
  cancelAnimationFrame(frame);
  if (!box || !target) return;
  if (!target.isConnected) return hideHighlight();
  const r = boxOf(target) ?? { left: 0, top: 0, width: 0, height: 0 };
  Object.assign(box.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${Math.max(r.width, 2)}px`, height: `${Math.max(r.height, 2)}px` });
  // The tag flips inside the box when the control touches the top of the window.
  tag!.style.bottom = r.top < 20 ? "auto" : "100%";
  tag!.style.top = r.top < 20 ? "0" : "auto";
  frame = requestAnimationFrame(place);
}
