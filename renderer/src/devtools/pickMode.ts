import type { ControlId } from "@weft/protocol";
import { hideHighlight, showHighlight } from "./highlight.ts";

let active: { finish(id: ControlId | null): void } | null = null;

/** The control element under a point of the page, or null. */
function controlAt(target: EventTarget | null): HTMLElement | null {
  const element = target instanceof Element ? target : null;
  return element?.closest<HTMLElement>("[data-weft-id]") ?? null;
}

/** The deepest element under the pointer as the page last saw it (`:hover`), or null. */
function hoveredElement(): Element | null {
  const hovered = document.querySelectorAll(":hover");
  return hovered.length > 0 ? hovered[hovered.length - 1]! : null;
}

/**
 * Pick mode: the pointer outlines the control under it and a click selects it in the inspector,
 * without reaching the app (the click is swallowed in the capture phase). Escape, or a second
 * `devtools.pick` with `false`, ends it with no pick. Resolves with the control's id, or null.
 */
export function startPick(): Promise<ControlId | null> {
  active?.finish(null);
  return new Promise((resolve) => {
    const previousCursor = document.documentElement.style.cursor;
    document.documentElement.style.cursor = "crosshair";
    const over = (e: PointerEvent) => showHighlight(controlAt(e.target));
    const swallow = (e: Event) => {
      if (!controlAt(e.target)) return;
      e.preventDefault();
      e.stopPropagation();
      e.stopImmediatePropagation();
    };
    const click = (e: MouseEvent) => {
      const element = controlAt(e.target);
      if (!element) return;
      swallow(e);
      finish(Number(element.getAttribute("data-weft-id")));
    };
    const key = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      e.stopPropagation();
      finish(null);
    };
    const finish = (id: ControlId | null) => {
      if (active !== session) return;
      active = null;
      removeEventListener("pointerover", over, true);
      removeEventListener("pointerdown", swallow, true);
      removeEventListener("mousedown", swallow, true);
      removeEventListener("pointerup", swallow, true);
      removeEventListener("mouseup", swallow, true);
      removeEventListener("click", click, true);
      removeEventListener("keydown", key, true);
      document.documentElement.style.cursor = previousCursor;
      hideHighlight();
      resolve(id);
    };
    const session = { finish };
    active = session;
    // The pointer may be over a control already (the person moved there, then started picking
    // from the inspector): outline it now, not at the pointer's next move.
    showHighlight(controlAt(hoveredElement()));
    addEventListener("pointerover", over, true);
    // A press that would focus a field or start a drag must not reach the app either.
    addEventListener("pointerdown", swallow, true);
    addEventListener("mousedown", swallow, true);
    addEventListener("pointerup", swallow, true);
    addEventListener("mouseup", swallow, true);
    addEventListener("click", click, true);
    addEventListener("keydown", key, true);
  });
}

/** Ends pick mode, if on, with no pick. */
export function stopPick(): void {
  active?.finish(null);
}
