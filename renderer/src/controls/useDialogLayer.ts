import { useCallback, useEffect, useRef, type RefObject } from "react";
import type { ControlId } from "@weft/protocol";
import { useEvents } from "../useEvents.ts";
import type { StoreNode } from "../NodeStore.ts";

/** Open layers that take the keyboard (dialogs, sheets), bottom to top: only the top one hears Escape. */
const layers: ControlId[] = [];

const FOCUSABLE = 'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

export interface DialogLayerOptions {
  /** Take the focus while open and give it back after; keep Tab inside the panel. */
  modalFocus: boolean;
  /** Whether Escape dismisses it. */
  escape: boolean;
}

export interface DialogLayer {
  open: boolean;
  /**
   * The user dismissed it: tell the server `open` is false (a client prop, mirrored in the
   * store so it disappears at once), then fire `dismiss` if the app handles it.
   */
  dismiss(): void;
}

/**
 * What every dialog-like control shares: `open`, dismissal, and, for the ones that take the
 * keyboard, Escape, focus on open (the first focusable inside, else the panel), a Tab trap, and
 * the focus given back to where it was when the layer closes.
 */
export function useDialogLayer(node: StoreNode, panel: RefObject<HTMLElement | null>, options: DialogLayerOptions): DialogLayer {
  const events = useEvents(node.id);
  const open = node.p.open === true;
  const dismiss = useCallback(() => {
    events.report({ open: false });
    events.event("dismiss");
  }, [events]);

  // Read by the key handler, which is installed once per opening.
  const latest = useRef({ dismiss, escape: options.escape });
  latest.current = { dismiss, escape: options.escape };

  const { modalFocus } = options;
  useEffect(() => {
    if (!open || !modalFocus) return;
    const id = node.id;
    layers.push(id);
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = panel.current;
    if (el) (el.querySelector<HTMLElement>(FOCUSABLE) ?? el).focus({ preventScroll: true });
    const onKeyDown = (e: KeyboardEvent) => {
      if (layers[layers.length - 1] !== id) return;
      if (e.key === "Escape") {
        e.preventDefault();
        if (latest.current.escape) latest.current.dismiss();
      } else if (e.key === "Tab" && el) {
        trapTab(e, el);
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      layers.splice(layers.lastIndexOf(id), 1);
      const focus = document.activeElement;
      const lost = !focus || focus === document.body || (el !== null && el.contains(focus)) || !focus.isConnected;
      if (lost && previous?.isConnected) previous.focus({ preventScroll: true });
    };
  }, [open, modalFocus, node.id, panel]);

  return { open, dismiss };
}

/** Keeps Tab and Shift+Tab cycling inside `panel`. */
function trapTab(e: KeyboardEvent, panel: HTMLElement): void {
  const items = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
  if (items.length === 0) {
    e.preventDefault();
    panel.focus();
    return;
  }
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = document.activeElement;
  if (e.shiftKey && (active === first || !panel.contains(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !panel.contains(active))) {
    e.preventDefault();
    first.focus();
  }
}
