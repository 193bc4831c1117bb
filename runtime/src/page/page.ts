import { controlSpecs } from "@weft/protocol/controls";
import { Control, defineControl, type ControlEvent } from "../controls/control.ts";
import type { FieldsOf } from "../controls/propsOf.ts";
import { PubSubClient } from "../pubsub/pubsubClient.ts";
import { ClientStorage } from "./clientStorage.ts";
import { PageSession } from "./pageSession.ts";
import type { PagePlatform } from "./pagePlatform.ts";
import { View } from "../controls/view.ts";
import { DialogControl } from "../controls/dialogControl.ts";
import { component, type Component, type ComponentFn } from "../components/componentControl.ts";
import type { Session } from "../session/session.ts";
import type { PageRequest } from "../session/pageRequest.ts";
import type { ColorValue } from "../constants/colors.ts";
import type { CrossAxisAlignment, MainAxisAlignment, ScrollMode, Spacing } from "../controls/layout.ts";
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

type PageTypes = {
  views: View[];
  onRouteChange: (e: RouteChangeEvent) => unknown;
  onViewPop: (e: ViewPopEvent) => unknown;
};
export interface Page extends Omit<FieldsOf<"Page", Page, PageTypes>, "route"> {}

/**
 * The page of one session (one browser tab). Holds a stack of views (the top one is shown);
 * `page.controls` and `page.add()` work on the first view, as in Flet.
 */
export class Page extends Control {
  /** The current route, e.g. "/" or "/todo/3". */
  declare route: string;

  static {
    defineControl(this, controlSpecs.Page);
  }

  /**
   * Per-session key/value store; lives as long as the session (and across hot swaps). A Map,
   * with Flet 1.0's `page.session.store.set(key, value)` / `.get(key)` view of it.
   */
  readonly session = new PageSession();
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
    // controls of two runs by construction order (runtime/src/swap/constructionHook.ts).
    this.window = new Window();
    this.window._page = this;
  }

  /** The bar on top of the first view (Flet's `page.appbar`): `view.appbar` of `page.views[0]`. */
  get appbar(): Control | undefined {
    return this.views[0]!.appbar;
  }
  set appbar(bar: Control | undefined) {
    this.views[0]!.appbar = bar;
  }

  /** The first view's floating action button (Flet's `page.floating_action_button`), over its bottom right corner. */
  get floatingActionButton(): Control | undefined {
    return this.views[0]!.floatingActionButton;
  }
  set floatingActionButton(button: Control | undefined) {
    this.views[0]!.floatingActionButton = button;
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

  /**
   * Runs `handler(...args)` in the background, as Flet's `page.run_thread`. JavaScript has one
   * thread per process: here it is a task (`runTask`) that starts now and runs between other
   * work, so a handler that computes for long still blocks every session; await between steps
   * (or move the work to a worker) to keep the page responsive.
   */
  runThread<A extends unknown[]>(handler: (...args: A) => unknown, ...args: A): void {
    void this.runTask(() => handler(...args));
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
    void this._session.dispatchPageEvent("routeChange", route);
  }

  /**
   * Flet 1.0's `page.push_route`: goes to `route` as `go()` does (a history entry, `onRouteChange`).
   * Resolves once the route change's handler has run.
   */
  pushRoute(route: string): Promise<void> {
    this.route = route;
    return this._session.dispatchPageEvent("routeChange", route);
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

  /** Closes the topmost open dialog and returns it (Flet 1.0's `page.pop_dialog()`); the same as `closeDialog()`. */
  popDialog(): DialogControl | undefined {
    return this.closeDialog();
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

  /**
   * The id of this page's session: stable while the tab lives, across reconnects (a pubsub `from`,
   * a log line's key).
   */
  get sessionId(): string {
    return this._session.id;
  }
  /** The address the tab connected from (behind a reverse proxy, the proxy's). */
  get clientIp(): string {
    return this._session.clientIp;
  }
  /**
   * The HTTP request of this tab's connection (its WebSocket upgrade): `url`, `headers` and
   * parsed `cookies`, refreshed when the tab resumes. An app mounted in a server beside its API
   * reads the host's (HttpOnly) session cookie here: `page.request.cookies.sid`.
   */
  get request(): PageRequest {
    return this._session.request;
  }
  /** The tab's browser, as its User-Agent header says; "" when it sent none. */
  get clientUserAgent(): string {
    return this._session.client.userAgent ?? "";
  }
  /**
   * The operating system of the browser's device, as Flet's `page.platform`: compare it with
   * `PagePlatform.ANDROID`, `PagePlatform.WINDOWS`…; "unknown" when the browser gives no hint.
   */
  get platform(): PagePlatform | "unknown" {
    return (this._session.client.platform as PagePlatform | undefined) ?? "unknown";
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
  /** Flet's `page.wasm` (Python compiled to WebAssembly, in the browser): weft's `page.static`. */
  get wasm(): boolean {
    return this.static;
  }
  override get width(): number | undefined {
    return this._session.client.width;
  }
  override get height(): number | undefined {
    return this._session.client.height;
  }
}
