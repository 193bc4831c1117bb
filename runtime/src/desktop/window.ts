import { defineSpec } from "@weft/protocol/controls";
import { Control, defineControl, HANDLERS, type ControlEvent } from "../controls/control.ts";
import type { FieldsOf } from "../controls/propsOf.ts";
import type { Page } from "../page/page.ts";
import { windowHostOf } from "./windowHost.ts";

/** Flet's `WindowEventType` values that weft's desktop window reports. */
export type WindowEventType =
  | "close"
  | "focus"
  | "blur"
  | "resized"
  | "moved"
  | "maximize"
  | "unmaximize"
  | "minimize"
  | "restore"
  | "enter-full-screen"
  | "leave-full-screen";

/** What `page.window.onEvent` receives: `e.type` says what happened; `page.window` has the new state. */
export interface WindowEvent extends ControlEvent<Window, WindowEventType> {
  /** What happened to the window: "focus", "blur", "resized", "moved", "close"… (`page.window` has the new state). */
  type: WindowEventType;
}

/** Methods of the window that the desktop host carries out. */
export type WindowMethod = "center" | "close" | "destroy" | "toFront";

/** The window's spec: not in the registry of drawn controls, since nothing of it goes to the renderer. */
const windowSpec = defineSpec({
  type: "Window",
  props: {
    /**
     * The window is never narrower than this. The DevTools protocol cannot tell the window manager
     * a minimum size, so weft enforces it after the fact: a window resized below it is set back to
     * it (the user sees it snap back).
     */
    minWidth: "number",
    /** The window is never lower than this (enforced like `minWidth`). */
    minHeight: "number",
    /** The window is never wider than this (enforced like `minWidth`). */
    maxWidth: "number",
    /** The window is never higher than this (enforced like `minWidth`). */
    maxHeight: "number",
    /**
     * False: the window keeps its size. Enforced like `minWidth`: a resize by the user is undone
     * (the window snaps back to the size the app gave it); the app may still set `width`/`height`.
     */
    resizable: "boolean",
    /** Set true to maximize, false to restore; reads back what the window manager did. */
    maximized: "boolean",
    /** Set true to minimize, false to restore; reads back what the window manager did. */
    minimized: "boolean",
    /** Set true for full screen, false to leave it. */
    fullScreen: "boolean",
    /**
     * Whether the window should stay above other windows. **Not available**: Chrome's DevTools
     * protocol has no way to ask for it, so setting it true prints a warning and the window stays
     * an ordinary one; the value is kept, so an app can show the setting.
     */
    alwaysOnTop: "boolean",
    /**
     * True: closing the window (its close button, Ctrl+W, `close()`) does not end the app; the app
     * gets an `onEvent` with `e.type === "close"` and decides, e.g. by asking and then calling
     * `destroy()`. A reload of the window (F5) is held and reported the same way.
     */
    preventClose: "boolean",
    /** Whether the window has the keyboard focus (read back; focus and blur arrive as events). */
    focused: "boolean",
  },
  events: {
    /** Called for each change of the window's state; `e.type` names it (Flet's `WindowEventType`). */
    onEvent: "json",
  },
});

export interface Window extends FieldsOf<typeof windowSpec, Window, { onEvent: (e: WindowEvent) => unknown }> {}

/**
 * `page.window`: the app's desktop window, with Flet's names (`ft.Window`). Under
 * `--view desktop` (or `run(main, { view: "desktop" })`) every prop set here is applied to the
 * real window through the browser's DevTools protocol, and read back when the user moves,
 * resizes, maximizes or focuses it; `onEvent` hears about each change.
 *
 * Sizes and positions are the window's outer bounds in device-independent pixels, as Flet's
 * are. Props the app sets before the window opens (in `main`) are its starting geometry.
 *
 * In a browser tab (the default `--view web`) there is no window to drive: setting a prop prints
 * one warning per process and changes nothing but the value.
 *
 * Not a control of the page's tree: nothing of it goes to the renderer. It is a control so a
 * hot swap treats it as one: a prop set by the code is taken from the new code, a size the user
 * gave the window by hand is kept.
 */
export class Window extends Control {
  /** Outer width of the window. */
  declare width?: number;
  /** Outer height of the window. */
  declare height?: number;
  /** Distance of the window's left edge from the screen's left edge. */
  declare left?: number;
  /** Distance of the window's top edge from the screen's top edge. */
  declare top?: number;

  static {
    defineControl(this, windowSpec);
  }

  /** @internal the page this is the window of; set by the page. */
  _page: Page | null = null;
  private applyQueued = false;

  /** Moves the window to the middle of its screen. Resolves once it is there. */
  center(): Promise<void> {
    return this.call("center");
  }

  /**
   * Asks the window to close, as its close button does: with `preventClose` the app gets a
   * `"close"` event instead; otherwise the window closes and the app ends.
   */
  close(): Promise<void> {
    return this.call("close");
  }

  /** Closes the window whatever `preventClose` says, and so ends the app. */
  destroy(): Promise<void> {
    return this.call("destroy");
  }

  /** Brings the window in front of the others and gives it the focus (where the window manager allows). */
  toFront(): Promise<void> {
    return this.call("toFront");
  }

  override _decorateEvent(event: ControlEvent): ControlEvent {
    return { ...event, type: event.data } as WindowEvent;
  }

  /** @internal Every prop setter passes here: the host applies the changes once per tick. */
  override _noteChange(name: string, previous: unknown): void {
    super._noteChange(name, previous);
    if (this.applyQueued) return;
    this.applyQueued = true;
    queueMicrotask(() => {
      this.applyQueued = false;
      const session = this._page?._session;
      if (!session) return;
      const host = windowHostOf(session);
      if (host) host.changed(this);
      else if (name !== HANDLERS) warnNoWindow(`page.window.${name}`);
    });
  }

  private call(method: WindowMethod): Promise<void> {
    const session = this._page?._session;
    const host = session && windowHostOf(session);
    if (!host) {
      warnNoWindow(`page.window.${method}()`);
      return Promise.resolve();
    }
    return host.call(this, method);
  }
}

let warned = false;
function warnNoWindow(what: string): void {
  if (warned) return;
  warned = true;
  console.warn(`weft: ${what} has no effect: this app is shown in a browser tab, not a desktop window (run it with --view desktop, or run(main, { view: "desktop" })).`);
}
