import type { Protocol } from "devtools-protocol";
import type { Session } from "../session/session.ts";
import { CdpError, type CdpPipe } from "./cdpPipe.ts";
import type { Window, WindowEventType, WindowMethod } from "./window.ts";
import type { WindowHost } from "./windowHost.ts";

type Bounds = Required<Pick<Protocol.Browser.Bounds, "left" | "top" | "width" | "height" | "windowState">>;
type WindowState = Protocol.Browser.WindowState;

/** The page's side: tells the driver about what CDP has no event for (focus, moves). */
const BINDING = "__weftWindow";
const PAGE_SCRIPT = `(() => {
  if (window.__weftWindowInstalled) return;
  window.__weftWindowInstalled = true;
  const tell = (what) => { try { ${BINDING}(what); } catch {} };
  addEventListener("resize", () => tell("resize"));
  addEventListener("focus", () => tell("focus"));
  addEventListener("blur", () => tell("blur"));
  document.addEventListener("visibilitychange", () => tell("visibility"));
  // No DOM event says the window moved: compare its position four times a second.
  let x = screenX, y = screenY;
  setInterval(() => { if (screenX !== x || screenY !== y) { x = screenX; y = screenY; tell("move"); } }, 250);
  // preventClose: a beforeunload that asks turns the close into a dialog the driver dismisses.
  addEventListener("beforeunload", (e) => { if (window.__weftPreventClose) { e.preventDefault(); e.returnValue = ""; } });
  // The focus the window already has when this document starts (no focus event will come).
  tell(document.hasFocus() ? "focus" : "blur");
})();`;

/** Resizes come in bursts while the user drags: report one "resized" once they pause. */
const SETTLE_MS = 100;
/** How long a maximize, minimize or full screen may take the window manager. */
const STATE_WAIT_MS = 1000;

const warned = new Set<string>();
function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`weft: ${message}`);
}

/**
 * Carries `page.window` out on a real browser window through the DevTools protocol, and reads
 * the window back when it changes: the desktop side of `Window`.
 *
 * Every prop the app sets is compared with what was last applied (or read back), so only what
 * the app changed is sent; everything goes through one queue, so two quick changes never race
 * (a maximize still running while the next resize arrives). Where the protocol has no command
 * (minimum size, not resizable) the driver enforces after the fact by setting the window back;
 * where it has nothing at all (always on top) it says so once.
 */
export class WindowDriver implements WindowHost {
  private cdp: CdpPipe | null = null;
  private windowId = 0;
  private target = "";
  /** The flat CDP session of the app's page (Page, Runtime). */
  private pageSession = "";
  private bounds: Bounds | null = null;
  /** prop → the value last applied to the window or read back from it. */
  private applied: Record<string, unknown> = {};
  /** The Window object `applied` is about (a hot restart makes a new one). */
  private bound: Window | null = null;
  private queue: Promise<void> = Promise.resolve();
  private applyQueued = false;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  /** The size `resizable: false` keeps. */
  private lockedSize: { width: number; height: number } | null = null;
  private destroying = false;
  private readonly undo: (() => void)[] = [];
  private markReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(
    private readonly session: Session,
    /** Called when the app asks to close the window for good (`destroy()`, `close()`). */
    private readonly closeWindow: () => Promise<void>,
  ) {}

  /**
   * Takes the window over: finds the app's page target and its window, subscribes to what it
   * reports, and applies what the app set before the window opened. `opened` are the props the
   * window was launched with (already true of it).
   */
  async attach(cdp: CdpPipe, opened: Record<string, unknown>): Promise<void> {
    this.cdp = cdp;
    this.target = await pageTarget(cdp);
    this.windowId = (await cdp.send("Browser.getWindowForTarget", { targetId: this.target })).windowId;
    const { sessionId } = await cdp.send("Target.attachToTarget", { targetId: this.target, flatten: true });
    this.undo.push(
      cdp.on("Runtime.bindingCalled", (e) => this.fromPage(e.payload), sessionId),
      cdp.on("Page.javascriptDialogOpening", (e) => void this.onDialog(e, sessionId), sessionId),
      cdp.on("Page.domContentEventFired", () => void this.syncPreventClose(sessionId), sessionId),
    );
    this.pageSession = sessionId;
    await cdp.send("Page.enable", {}, sessionId);
    await cdp.send("Runtime.enable", undefined, sessionId);
    await cdp.send("Runtime.addBinding", { name: BINDING }, sessionId);
    await cdp.send("Page.addScriptToEvaluateOnNewDocument", { source: PAGE_SCRIPT }, sessionId);
    await cdp.send("Runtime.evaluate", { expression: PAGE_SCRIPT }, sessionId);
    const window = this.session.page.window;
    this.bound = window;
    Object.assign(this.applied, opened);
    this.bounds = await this.read();
    this.record(this.bounds, window);
    this.markReady();
    this.changed(window);
  }

  /** Stops listening (the window is gone). */
  detach(): void {
    for (const undo of this.undo.splice(0)) undo();
    if (this.settleTimer) clearTimeout(this.settleTimer);
  }

  // ------------------------------------------------------------------ WindowHost

  changed(window: Window): void {
    if (this.applyQueued) return;
    this.applyQueued = true;
    this.enqueue(async () => {
      this.applyQueued = false;
      await this.apply(window);
    });
  }

  call(_window: Window, method: WindowMethod): Promise<void> {
    return this.enqueue(() => this.run(method));
  }

  // ------------------------------------------------------------------ applying

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(() => this.ready).then(work);
    this.queue = next.catch((err) => {
      if (!this.cdp?.isClosed) console.error("weft: the desktop window did not take a change:", err instanceof CdpError ? err.message : err);
    });
    return this.queue;
  }

  private async apply(window: Window): Promise<void> {
    // A hot swap's throwaway page has a window too; only the live page's drives the real one.
    if (window !== this.session.page.window) return;
    if (this.session.holding) {
      // A swap is rebuilding the page across an await: apply once its merge is done.
      setTimeout(() => this.changed(window), 20);
      return;
    }
    if (window !== this.bound) {
      // A hot restart built a new Window: what it says is all new to the window.
      this.bound = window;
      this.applied = {};
    }
    const p = window._p;
    const cdp = this.cdp!;
    const differs = (name: string) => p[name] !== undefined && p[name] !== this.applied[name];

    for (const [prop, state] of [["fullScreen", "fullscreen"], ["maximized", "maximized"], ["minimized", "minimized"]] as const) {
      if (!differs(prop)) continue;
      this.applied[prop] = p[prop];
      await this.setState(p[prop] === true ? state : "normal", `page.window.${prop} = ${String(p[prop])}`);
    }

    const geometry = ["left", "top", "width", "height"].filter(differs);
    const limits = ["minWidth", "minHeight", "maxWidth", "maxHeight", "resizable"].filter((k) => p[k] !== this.applied[k]);
    for (const k of [...geometry, ...limits]) this.applied[k] = p[k];
    if (geometry.length > 0 || limits.length > 0) {
      let current = await this.read();
      if (geometry.length > 0 && current.windowState !== "normal") {
        await this.setState("normal", "a new size or position");
        current = await this.read();
      }
      const want = {
        left: geometry.includes("left") ? num(p.left) : current.left,
        top: geometry.includes("top") ? num(p.top) : current.top,
        ...this.clamp(geometry.includes("width") ? num(p.width) : current.width, geometry.includes("height") ? num(p.height) : current.height, window),
      };
      if (current.windowState === "normal" && (want.left !== current.left || want.top !== current.top || want.width !== current.width || want.height !== current.height)) {
        await cdp.send("Browser.setWindowBounds", { windowId: this.windowId, bounds: want });
      }
      this.lockedSize = p.resizable === false ? { width: want.width, height: want.height } : null;
    }

    if (p.preventClose !== this.applied.preventClose) {
      this.applied.preventClose = p.preventClose;
      await this.syncPreventClose(this.pageSession);
    }
    if (p.alwaysOnTop !== this.applied.alwaysOnTop) {
      this.applied.alwaysOnTop = p.alwaysOnTop;
      if (p.alwaysOnTop === true) {
        warnOnce("alwaysOnTop", "page.window.alwaysOnTop has no effect: Chrome's DevTools protocol cannot keep a window above the others (the window stays an ordinary one).");
      }
    }
    if (differs("focused")) {
      this.applied.focused = p.focused;
      if (p.focused === true) await cdp.send("Page.bringToFront", undefined, this.pageSession);
      else warnOnce("blur", "page.window.focused = false has no effect: a window cannot give its focus away through the DevTools protocol.");
    }
    await this.refresh();
  }

  private clamp(width: number, height: number, window: Window): { width: number; height: number } {
    const p = window._p;
    const limit = (value: number, min: unknown, max: unknown) => {
      let v = value;
      if (typeof max === "number") v = Math.min(v, max);
      if (typeof min === "number") v = Math.max(v, min);
      return Math.round(v);
    };
    return { width: limit(width, p.minWidth, p.maxWidth), height: limit(height, p.minHeight, p.maxHeight) };
  }

  private async setState(state: WindowState, why: string): Promise<void> {
    await this.cdp!.send("Browser.setWindowBounds", { windowId: this.windowId, bounds: { windowState: state } });
    // The window manager carries it out on its own time (and without one, not at all).
    const until = Date.now() + STATE_WAIT_MS;
    let now = await this.read();
    while (now.windowState !== state && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      now = await this.read();
    }
    if (now.windowState === state) {
      // The window manager moves and resizes in steps after the state changed: report the end.
      let before = now;
      while (Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        now = await this.read();
        if (sameBounds(now, before)) break;
        before = now;
      }
    } else {
      warnOnce(`state:${state}`, `${why}: the window manager left the window ${now.windowState} instead of ${state} (a desktop without a window manager cannot maximize or minimize).`);
    }
  }

  private async run(method: WindowMethod): Promise<void> {
    const cdp = this.cdp!;
    switch (method) {
      case "center": {
        const current = await this.read();
        if (current.windowState !== "normal") await this.setState("normal", "page.window.center()");
        const { result } = await cdp.send(
          "Runtime.evaluate",
          { expression: "[screen.availLeft ?? 0, screen.availTop ?? 0, screen.availWidth, screen.availHeight]", returnByValue: true },
          this.pageSession,
        );
        const [left, top, width, height] = result.value as number[];
        const bounds = await this.read();
        await cdp.send("Browser.setWindowBounds", {
          windowId: this.windowId,
          bounds: { left: Math.round(left! + (width! - bounds.width) / 2), top: Math.round(top! + (height! - bounds.height) / 2) },
        });
        await this.refresh();
        return;
      }
      case "close":
        // What the close button does: with preventClose the app hears of it and decides.
        if (this.session.page.window.preventClose === true) this.emit("close");
        else await this.destroy();
        return;
      case "destroy":
        await this.destroy();
        return;
      case "toFront":
        await cdp.send("Page.bringToFront", undefined, this.pageSession);
        return;
      default: {
        const unreachable: never = method;
        return unreachable;
      }
    }
  }

  private async destroy(): Promise<void> {
    this.destroying = true;
    await this.cdp!.send("Runtime.evaluate", { expression: "window.__weftPreventClose = false" }, this.pageSession).catch(() => {});
    await this.closeWindow();
  }

  /**
   * Tells the page whether to hold a close. `userGesture` gives the page the user activation a
   * beforeunload prompt needs (Chrome ignores the prompt of a page the user never touched).
   */
  private async syncPreventClose(sessionId: string): Promise<void> {
    const on = this.session.page.window.preventClose === true && !this.destroying;
    await this.cdp?.send("Runtime.evaluate", { expression: `window.__weftPreventClose = ${on}`, userGesture: on }, sessionId);
  }

  private async onDialog(e: Protocol.Page.JavascriptDialogOpeningEvent, sessionId: string): Promise<void> {
    if (e.type !== "beforeunload") return; // the app's own alert/confirm: the browser shows it
    const hold = this.session.page.window.preventClose === true && !this.destroying;
    await this.cdp!.send("Page.handleJavaScriptDialog", { accept: !hold }, sessionId).catch(() => {});
    if (hold) this.emit("close");
  }

  // ------------------------------------------------------------------ reading back

  private fromPage(what: string): void {
    if (what === "focus" || what === "blur") {
      const focused = what === "focus";
      const window = this.session.page.window;
      if (window._p.focused === focused) return;
      const known = window._p.focused !== undefined;
      window._p.focused = focused; // what the window shows: not a change to apply
      this.applied.focused = focused;
      if (known || focused) this.emit(what); // a window that starts unfocused did not "blur"
      return;
    }
    // resize, move, visibility: read the window once things settle
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      this.enqueue(() => this.refresh());
    }, SETTLE_MS);
  }

  private async read(): Promise<Bounds> {
    const { bounds } = await this.cdp!.send("Browser.getWindowBounds", { windowId: this.windowId });
    return { left: bounds.left ?? 0, top: bounds.top ?? 0, width: bounds.width ?? 0, height: bounds.height ?? 0, windowState: bounds.windowState ?? "normal" };
  }

  /** Reads the window, enforces the limits the protocol cannot set, writes the state into `page.window`, reports what changed. */
  private async refresh(): Promise<void> {
    const window = this.session.page.window;
    let now = await this.read();
    if (now.windowState === "normal") {
      const target = this.lockedSize ?? this.clamp(now.width, now.height, window);
      if (target.width !== now.width || target.height !== now.height) {
        await this.cdp!.send("Browser.setWindowBounds", { windowId: this.windowId, bounds: target });
        now = await this.read();
      }
    }
    const before = this.bounds;
    this.bounds = now;
    this.record(now, window);
    if (!before) return;
    if (before.windowState !== now.windowState) {
      for (const type of stateEvents(before.windowState, now.windowState)) this.emit(type);
    }
    if (before.width !== now.width || before.height !== now.height) this.emit("resized");
    if (before.left !== now.left || before.top !== now.top) this.emit("moved");
  }

  /**
   * Writes what the window is into `page.window`, past the accessors: a state to show, not a
   * change to apply (as a browser's typed text is not echoed back).
   */
  private record(now: Bounds, window: Window): void {
    const state = {
      left: now.left,
      top: now.top,
      width: now.width,
      height: now.height,
      maximized: now.windowState === "maximized",
      minimized: now.windowState === "minimized",
      fullScreen: now.windowState === "fullscreen",
    };
    for (const [name, value] of Object.entries(state)) {
      window._p[name] = value;
      this.applied[name] = value;
    }
  }

  private emit(type: WindowEventType): void {
    const window = this.session.page.window;
    const handler = window._h.event;
    if (!handler || this.session.state === "closed") return;
    const event = window._decorateEvent({ control: window, name: "event", data: type, page: this.session.page });
    this.session.runOutsideEvent(`window ${type}`, () => handler.call(window, event));
  }
}

function stateEvents(from: WindowState, to: WindowState): WindowEventType[] {
  const out: WindowEventType[] = [];
  if (from === "fullscreen") out.push("leave-full-screen");
  if (from === "maximized") out.push("unmaximize");
  if (from === "minimized") out.push("restore");
  if (to === "fullscreen") out.push("enter-full-screen");
  if (to === "maximized") out.push("maximize");
  if (to === "minimized") out.push("minimize");
  return out;
}

function sameBounds(a: Bounds, b: Bounds): boolean {
  return a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height && a.windowState === b.windowState;
}

function num(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

/** The app window's page: there from the start in app mode, or created moments later. */
async function pageTarget(cdp: CdpPipe): Promise<string> {
  let found: ((id: string) => void) | undefined;
  const created = new Promise<string>((resolve) => (found = resolve));
  const off = cdp.on("Target.targetCreated", (e) => {
    if (e.targetInfo.type === "page") found?.(e.targetInfo.targetId);
  });
  try {
    await cdp.send("Target.setDiscoverTargets", { discover: true });
    const { targetInfos } = await cdp.send("Target.getTargets");
    const page = targetInfos.find((t) => t.type === "page");
    return page ? page.targetId : await Promise.race([created, cdp.closed.then((why) => Promise.reject(new CdpError(`the browser closed before its window opened (${why})`)))]);
  } finally {
    off();
  }
}
