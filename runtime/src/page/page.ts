import { Control, defineControl, type ControlEvent } from "../controls/control.ts";
import { PubSubClient } from "../pubsub/pubsubClient.ts";
import { ClientStorage } from "./clientStorage.ts";
import { View } from "../controls/view.ts";
import { DialogControl } from "../controls/dialogControl.ts";
import { component, type Component, type ComponentFn } from "../components/componentControl.ts";
import type { Session } from "../session/session.ts";
import type { ColorValue } from "../constants/colors.ts";
import type { CrossAxisAlignment, MainAxisAlignment, ScrollMode, Spacing } from "../controls/layout.ts";
import type { Theme, ThemeMode } from "../style/theme.ts";
import { Window } from "../desktop/window.ts";
import { isStatic } from "../static/staticMode.ts";

/** `page.onRouteChange`: the tab's route changed (a link, back/forward, `page.go`); `route` is the new one. */
export interface RouteChangeEvent extends ControlEvent<Page, string> {
  /** The new route, e.g. `/todo/3`. */
  route: string;
}

/** `page.onViewPop`: the user went back from the top view (the app bar's back button, the browser's back); `view` is the one to remove. */
export interface ViewPopEvent extends ControlEvent<Page> {
  /** The view the user left. */
  view: View;
}

/** A session-level handler (connect, disconnect, close). */
export type PageHandler = (page: Page) => unknown;

/**
 * The page of one session (one browser tab). Holds a stack of views (the top one is shown);
 * `page.controls` and `page.add()` work on the first view, as in Flet.
 */
export class Page extends Control {
  declare views: View[];
  /** Drawn above the views: dialogs, snack bars, banners, bottom sheets (see `showDialog`). */
  declare overlay: Control[];
  declare title?: string;
  /** The current route, e.g. "/" or "/todo/3". */
  declare route: string;
  /** Light, dark, or the OS's setting (default "system", as in Flet). */
  declare themeMode?: ThemeMode;
  /** The Material 3 theme (in light mode; in dark mode too unless `darkTheme` is set). */
  declare theme?: Theme;
  /** The theme in dark mode. */
  declare darkTheme?: Theme;
  /**
   * The seed of the colour scheme, e.g. "#6750a4".
   * @deprecated Use `page.theme = new Theme({ colorSchemeSeed })`, as in Flet.
   */
  declare seedColor?: string;

  static {
    defineControl(this, {
      type: "Page",
      props: ["title", "route", "themeMode", "theme", "darkTheme", "seedColor"],
      events: ["routeChange", "viewPop"],
      slots: { views: "list", overlay: "list" },
      // back/forward: the browser tells the new route, then fires routeChange
      clientProps: { route: "string" },
    });
  }

  /**
   * Called when the route changes: `page.go()`, the browser's back/forward buttons, a resumed
   * tab opened at another URL. `e.route` is the new route; `page.route` already holds it.
   */
  declare onRouteChange?: (e: RouteChangeEvent) => unknown;
  /** Called when the user pops the top view (the app bar's back button). `e.view` is that view. */
  declare onViewPop?: (e: ViewPopEvent) => unknown;

  /** Per-session key/value store; lives as long as the session (and across hot swaps). */
  readonly session = new Map<string, unknown>();
  private _clientStorage?: ClientStorage;
  private _pubsub?: PubSubClient;
  /** Called when a browser (re)connects to this session. */
  onConnect?: PageHandler;
  /** Called when the browser's connection drops; the session waits for a resume. */
  onDisconnect?: PageHandler;
  /** Called once when the session ends (resume window passed, or the server stops). */
  onClose?: PageHandler;

  /** @internal */
  readonly _session: Session;
  /**
   * The app's desktop window (`--view desktop`): size, position, state, `onEvent`, `close()`.
   * See `Window`; in a browser tab its props change nothing.
   */
  readonly window: Window;

  /** @internal created by its Session */
  constructor(session: Session, route: string) {
    super();
    this._session = session;
    this.route = route;
    this.views = [new View({ route: "/" })];
    // Built after the first view, in every construction of a page: a hot swap matches the
    // controls of two runs by construction order (runtime/src/swap/bind.ts).
    this.window = new Window();
    this.window._page = this;
  }

  /** The controls of the first view. */
  get controls(): Control[] {
    return this.views[0]!.controls;
  }
  set controls(controls: Control[]) {
    this.views[0]!.controls = controls;
  }

  // Flet's page-level layout props are the first view's (flet/controls/base_page.py).

  /** Inner padding of the first view's content (default 10, as in Flet). */
  get padding(): Spacing | undefined {
    return this.views[0]!.padding;
  }
  set padding(value: Spacing | undefined) {
    this.views[0]!.padding = value;
  }
  /** Background of the first view. */
  get bgcolor(): ColorValue | undefined {
    return this.views[0]!.bgcolor;
  }
  set bgcolor(value: ColorValue | undefined) {
    this.views[0]!.bgcolor = value;
  }
  /** Whether the first view scrolls when its content is taller (Flet's ScrollMode). */
  get scroll(): ScrollMode | undefined {
    return this.views[0]!.scroll;
  }
  set scroll(value: ScrollMode | undefined) {
    this.views[0]!.scroll = value;
  }
  /** Space between the first view's controls (default 10). */
  get spacing(): number | undefined {
    return this.views[0]!.spacing;
  }
  set spacing(value: number | undefined) {
    this.views[0]!.spacing = value;
  }
  /** Vertical placement of the first view's controls. */
  get verticalAlignment(): MainAxisAlignment | undefined {
    return this.views[0]!.verticalAlignment;
  }
  set verticalAlignment(value: MainAxisAlignment | undefined) {
    this.views[0]!.verticalAlignment = value;
  }
  /** Horizontal placement of the first view's controls. */
  get horizontalAlignment(): CrossAxisAlignment | undefined {
    return this.views[0]!.horizontalAlignment;
  }
  set horizontalAlignment(value: CrossAxisAlignment | undefined) {
    this.views[0]!.horizontalAlignment = value;
  }

  /** Appends controls to the first view. */
  add(...controls: Control[]): void {
    this.controls.push(...controls);
  }

  /**
   * Mounts a component as the whole page: `page.render(App)` or `page.render(App, props)`.
   * `App` is a `component(fn)`, or a plain function that becomes one.
   */
  render<P>(app: Component<P> | ComponentFn<P>, props?: P): void {
    const def = "displayName" in app && "fn" in app ? (app as Component<P>) : component(app as ComponentFn<P>);
    this.controls = [def((props ?? {}) as P)];
  }

  /** Removes controls from the first view. */
  remove(...controls: Control[]): void {
    const list = this.controls;
    for (const control of controls) {
      const i = list.indexOf(control);
      if (i >= 0) list.splice(i, 1);
    }
  }

  /** Sends every pending change of this session to the browser now. */
  override update(): void {
    this._session.flush();
  }

  /**
   * Starts background work tied to this session: its errors are reported to the session, its
   * changes are sent when it settles (call `page.update()` for progress before that), and its
   * signal aborts when the session closes.
   */
  runTask<T>(task: (signal: AbortSignal) => T | Promise<T>): Promise<T | undefined> {
    return this._session.runTask(task);
  }

  /**
   * Goes to `route`: sets `page.route`, puts it in the browser's address bar (a history entry,
   * so Back works) and calls `onRouteChange`.
   */
  go(route: string): void {
    this.route = route;
    this._session.dispatchPageEvent("routeChange", route);
  }

  /**
   * Opens a dialog (AlertDialog, SnackBar, Banner, BottomSheet): drops the closed dialogs from
   * `overlay`, puts this one on top and sets `open`. Showing an open dialog again keeps it open.
   */
  showDialog(dialog: DialogControl): void {
    const overlay = this.overlay;
    for (let i = overlay.length - 1; i >= 0; i--) {
      const control = overlay[i]!;
      if (control !== dialog && control instanceof DialogControl && control.open !== true) overlay.splice(i, 1);
    }
    if (!overlay.includes(dialog)) overlay.push(dialog);
    dialog.open = true;
  }

  /**
   * Closes `dialog`, or without one the topmost open dialog of `overlay`. Fires no `dismiss`:
   * that is for the user's dismissals, which the app does not start (as in Flet's client).
   * Returns the dialog it closed, if any.
   */
  closeDialog(dialog?: DialogControl): DialogControl | undefined {
    const target =
      dialog ?? this.overlay.findLast((c): c is DialogControl => c instanceof DialogControl && c.open === true);
    if (target) target.open = false;
    return target;
  }

  /** The browser's localStorage, async, through the protocol. */
  get clientStorage(): ClientStorage {
    return (this._clientStorage ??= new ClientStorage(this._session));
  }

  /** Messages between the sessions of this app. */
  get pubsub(): PubSubClient {
    const hub = this._session.pubsubHub;
    if (!hub) throw new Error("weft: this session has no pubsub hub");
    return (this._pubsub ??= new PubSubClient(hub, this._session.id));
  }

  override _decorateEvent(event: ControlEvent): ControlEvent {
    if (event.name === "routeChange") return { ...event, route: typeof event.data === "string" ? event.data : this.route } as RouteChangeEvent;
    if (event.name === "viewPop") {
      const view = this.views.find((v) => v.id === event.data) ?? this.views[this.views.length - 1];
      return { ...event, view } as ViewPopEvent;
    }
    return event;
  }

  get sessionId(): string {
    return this._session.id;
  }
  get clientIp(): string {
    return this._session.clientIp;
  }
  get clientUserAgent(): string {
    return this._session.client.userAgent ?? "";
  }
  get platform(): string {
    return this._session.client.platform ?? "unknown";
  }
  /** True when the app is shown in a web browser (always, for weft's renderer). */
  get web(): boolean {
    return true;
  }
  /** True when the app runs inside the browser (a `weft build --static` site); false when served by Node. */
  get static(): boolean {
    return isStatic();
  }
  /** True when the page was launched as an installed app (a static build's web app manifest), not in a browser tab. */
  get pwa(): boolean {
    return this._session.client.pwa === true;
  }
  override get width(): number | undefined {
    return this._session.client.width;
  }
  override get height(): number | undefined {
    return this._session.client.height;
  }
}
