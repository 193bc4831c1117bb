import { metaOf } from "../controls/control.ts";
import { WeftError } from "../errors.ts";
import { autoUpdateOf } from "../page/context.ts";
import { hook } from "../hook.ts";
import "../inspection.ts"; // puts the devtools' inspection API on the hook (docs/hook.md)
import { Page } from "../page/page.ts";
import {
  PROTOCOL_VERSION,
  type ClientInfo,
  type ControlId,
  type EventMessage,
  type PropsMessage,
  type PropValue,
  type ReplyMessage,
  type ServerMessage,
} from "@weft/protocol";
import type { PubSubHub } from "../pubsub/pubsubHub.ts";
import { describeThrown, stackOf } from "../thrownValue.ts";
import type { SessionMeter } from "./meter.ts";
import type { SessionOptions } from "./options.ts";
import { NO_REQUEST, type PageRequest } from "./pageRequest.ts";
import { runInSession } from "./sessionContext.ts";
import { Tree } from "./tree.ts";
import { nextTask } from "../platform/nextTask.ts";
import { randomId } from "../platform/randomId.ts";

/** An app: the default export of the app module. */
export type AppMain = (page: Page) => unknown;

/** Where a session's messages go: one WebSocket, or an in-memory pipe in tests. */
export interface SessionLink {
  send(message: ServerMessage): void;
  /** Ends the link from the server side (a takeover by another connection). */
  close(code: number, reason: string): void;
  /**
   * Whether the peer still answers (a ping on a WebSocket) within `timeoutMs`: a promise when it
   * has to ask, a boolean when it knows (an in-memory link is alive while open).
   */
  isAlive?(timeoutMs: number): boolean | Promise<boolean>;
}

/** What the session tells its manager about its life (the manager bounds waiting sessions). */
export interface SessionLifecycle {
  detached(session: Session): void;
  attached(session: Session): void;
  closed(session: Session): void;
}

/** A session's life: `"connected"` to a tab, `"resuming"` while its tab is away (within the resume window), `"closed"`. */
export type SessionState = "connected" | "resuming" | "closed";

interface PendingInvoke {
  resolve(value: PropValue | undefined): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * One browser tab's server side: its page and control tree, its store, its handlers and tasks,
 * and its lifecycle (connected → resuming after a drop → closed when the resume window passes).
 */
export class Session {
  /** A random id, 12 characters: `page.sessionId`, and what a tab sends to resume this session. */
  readonly id = randomId(12);
  /** The page the app's `main` was given. */
  readonly page: Page;
  /** The session's control tree: every mounted control by id, and what changed since the last patch. */
  readonly tree: Tree;
  /** `Date.now()` when the session opened. */
  readonly createdAt = Date.now();
  /** "connected", "resuming" (no tab right now; it may come back within the resume window), or "closed". */
  state: SessionState = "resuming";
  /** What the tab said about itself when it registered (route, user agent, size, platform). */
  client: ClientInfo;
  /** The address of the tab's current connection. */
  clientIp: string;
  /** The HTTP request of the tab's current connection (`page.request`); set on every attach. */
  request: PageRequest = NO_REQUEST;
  /** The app's pubsub, set by the SessionManager. */
  pubsubHub: PubSubHub | null = null;
  /** The `?session=` key of the upgrade that opened it (docs/scaling.md); only a tab with the same key resumes it. */
  routingKey: string | null = null;
  /** The process's metrics, when served (set by the SessionManager). */
  meter: SessionMeter | null = null;

  /** Set when `main` threw: its whole text, for the server side and the devtools. */
  private crashText: string | null = null;
  /** What the browser is told about the crash on every (re)connect (the text, or a reference). */
  private crashReport: { message: string; ref?: string } | null = null;
  /** Browser events and props that wait while `hold()` is in effect. */
  private held: (() => void)[] | null = null;
  /** How many `hold()`s wait for their `release()`. */
  private holds = 0;
  /** Called at the first input that has to wait (see `hold`). */
  private onHeldInput: (() => void) | null = null;
  private link: SessionLink | null = null;
  /** The tab said goodbye and has not come back yet: the session ends after `leaveWindowMs`. */
  leaving = false;
  private expiry: ReturnType<typeof setTimeout> | null = null;
  private readonly tasks = new AbortController();
  private readonly invokes = new Map<number, PendingInvoke>();
  private nextCallId = 1;
  private started = false;
  /** Started by `startDetached()`: main ran, no browser has had the page yet. */
  private awaitingBrowser = false;
  /** Messages sent while main's synchronous part runs, before `registered`. */
  private heldBack: ServerMessage[] | null = null;
  /** Handlers, tasks and an async main still running: what `idle()` waits for. */
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(
    private readonly main: AppMain,
    /** The limits this session runs under (resume window, invoke timeout, error exposure). */
    readonly options: SessionOptions,
    client: ClientInfo,
    clientIp: string,
    private readonly lifecycle: SessionLifecycle,
  ) {
    this.client = client;
    this.clientIp = clientIp;
    this.page = new Page(this, client.route || "/");
    this.tree = new Tree(this.page);
    hook.sessions.add(this);
    if (hook.active) hook.emit({ type: "session-open", session: this, client });
  }

  /** Whether a tab is attached right now. */
  get connected(): boolean {
    return this.link !== null;
  }

  /** What `main` threw, in full (the server side and the devtools; the browser may get a reference), or null. */
  get crashed(): string | null {
    return this.crashText;
  }

  /** The connection attached now, if any. */
  get currentLink(): SessionLink | null {
    return this.link;
  }

  /**
   * Attaches a connection: the first time, runs `main` and sends the page; on a resume, sends
   * the page as it is now. Either way the browser gets one `registered` with the whole tree.
   */
  attach(link: SessionLink, resumed: boolean): void {
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = null;
    this.link = link;
    this.state = "connected";
    this.leaving = false;
    this.lifecycle.attached(this);
    if (!this.started) {
      this.started = true;
      this.start();
    } else if (this.awaitingBrowser) {
      // The first browser of a session started without one: the page as main built it, then
      // what main sent meanwhile (invokes waiting for an answer). Not a resume.
      this.awaitingBrowser = false;
      resumed = false;
      const held = this.heldBack ?? [];
      this.heldBack = null;
      this.sendPage(false);
      for (const message of held) this.send(message);
    } else {
      this.tree.flush(); // what changed while nobody watched is in the full page below
      const asked = this.client.route || "/";
      const moved = asked !== this.page.route;
      if (moved) this.page._p.route = asked; // the tab's URL wins, as in Flet; not echoed
      this.sendPage(true);
      if (moved) this.dispatchPageEvent("routeChange", asked);
    }
    if (hook.active) hook.emit({ type: "connect", sessionId: this.id, resumed });
    // `main` is the first connection's handler; onConnect is for the ones after (as in Flet).
    if (resumed) this.callPageHandler("connect", this.page.onConnect);
  }

  /**
   * Runs `main` before any browser is attached (a desktop window opens at the size main asked
   * for): what main sends waits, and the first `attach` gets the page and then those messages.
   * `onConnect` is not called for that first browser: `main` was its handler.
   */
  startDetached(): void {
    if (this.started) return;
    this.started = true;
    this.awaitingBrowser = true;
    this.start();
    this.heldBack ??= [];
  }

  /** True from `startDetached()` until the first browser has the page. */
  get awaitingFirstTab(): boolean {
    return this.awaitingBrowser;
  }

  /**
   * The connection dropped: keep everything for `resumeWindowMs`, then close. A tab that said
   * goodbye (closed, navigated away) is waited for only `leaveWindowMs`, enough for a refresh.
   */
  detach(link: SessionLink, goodbye = false): void {
    if (this.link !== link) return;
    this.link = null;
    if (this.state === "closed") return;
    this.state = "resuming";
    this.leaving = goodbye;
    if (hook.active) hook.emit({ type: "disconnect", sessionId: this.id, ...(goodbye ? { goodbye: true } : {}) });
    this.callPageHandler("disconnect", this.page.onDisconnect);
    const wait = goodbye ? Math.min(this.options.leaveWindowMs, this.options.resumeWindowMs) : this.options.resumeWindowMs;
    this.expiry = setTimeout(() => this.close(goodbye ? "the tab was closed" : "resume window passed"), wait);
    this.expiry.unref?.();
    this.lifecycle.detached(this);
  }

  /** Ends the session: `onClose`, tasks aborted, pending invokes rejected, tree dropped. */
  close(reason: string): void {
    if (this.state === "closed") return;
    this.state = "closed";
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = null;
    this.tasks.abort(new WeftError("SESSION_CLOSED", `session ${this.id} closed: ${reason}`));
    for (const [callId, pending] of this.invokes) {
      clearTimeout(pending.timer);
      pending.reject(new WeftError("SESSION_CLOSED", `session closed before the browser answered call ${callId}`));
    }
    this.invokes.clear();
    this.callPageHandler("close", this.page.onClose);
    this.tree.clear();
    this.link = null;
    hook.sessions.delete(this);
    if (hook.active) hook.emit({ type: "session-close", sessionId: this.id, reason });
    this.lifecycle.closed(this);
  }

  /** Sends every pending change as one patch. While disconnected, changes are folded into the next full page. */
  flush(): void {
    // Asked from a build, beforeUpdate or didMount: the tree's own pass sends it.
    if (this.tree.busy || !this.tree.hasChanges || this.state === "closed") return;
    const t0 = performance.now();
    let ops;
    try {
      ops = this.tree.flush();
    } catch (err) {
      this.reportError("update", err);
      return;
    }
    if (ops.length === 0) return;
    const sent = this.link !== null;
    if (sent) this.send({ type: "patch", ops });
    if (hook.active) hook.emit({ type: "patch", sessionId: this.id, ops, ms: performance.now() - t0, sent });
  }

  /** Sends a message to the tab (held back while the session waits, dropped while no tab is attached). */
  send(message: ServerMessage): void {
    if (this.heldBack) this.heldBack.push(message);
    else this.link?.send(message);
  }

  /**
   * Makes browser events and props wait until `release()`: a hot swap rebuilding this page
   * (runtime/src/swap) must not let a click reach a half-built page, nor the old code once the
   * new one is due. Holds nest: input runs once every `hold()` is released. `onInput` is called
   * at the first input that has to wait (the swap can then do this session first).
   */
  hold(onInput?: () => void): void {
    this.holds++;
    this.held ??= [];
    if (onInput) this.onHeldInput = onInput;
  }

  /** Whether browser input is held (`hold()`): a hot swap is rebuilding the page. */
  get holding(): boolean {
    return this.held !== null;
  }

  /** Ends one `hold()`; once none is left, runs what waited, in order. */
  release(): void {
    if (this.holds > 0) this.holds--;
    if (this.holds > 0) return;
    const held = this.held;
    this.held = null;
    this.onHeldInput = null;
    for (const run of held ?? []) run();
  }

  /** Input that arrives while held: queued, and the holder told once. */
  private wait(run: () => void): void {
    this.held!.push(run);
    const onInput = this.onHeldInput;
    this.onHeldInput = null;
    onInput?.();
  }

  /**
   * A hot restart: runs `main` afresh on this session's page (the same object, so `page.session`,
   * the route and the connection stay; `main` rebuilds what the page shows) and sends the browser
   * the whole new page. A crash before is forgotten; a crash now is reported as on a first start.
   */
  restart(main: AppMain): void {
    if (this.state === "closed") return;
    this.tree.clear();
    this.crashText = null;
    this.crashReport = null;
    this.started = true;
    this.runMain(main, true);
  }

  // ------------------------------------------------------------------ from the browser

  /**
   * Whether the running handler updates the page when it returns: undefined follows the app's
   * default; `context.disableAutoUpdate()` sets it for one handler (Flet's `ft.context`).
   */
  autoUpdate: boolean | undefined;

  /** Runs the handler of the control's event the tab sent (a click, a change), then sends what it changed. */
  handleEvent(message: EventMessage): void {
    if (this.held) return this.wait(() => this.handleEvent(message));
    const control = this.tree.index.get(message.id);
    if (!control) return this.refuse("UNKNOWN_CONTROL", `no control ${message.id} in this session`, message.id);
    // Own handlers only: `constructor` or `__proto__` must not reach Object's built-ins.
    const handler = Object.hasOwn(control._h, message.name) ? control._h[message.name] : undefined;
    // The browser sends only events it was told have handlers; a miss is a race with a
    // handler just removed, not an error worth a message.
    if (typeof handler !== "function") return;
    if (control._p.disabled === true) return;
    const event = control._decorateEvent({ control, name: message.name, data: message.data, page: this.page });
    this.meter?.event();
    this.track(this.runHandler(message.id, message.name, () => handler.call(control, event)));
  }

  /** Takes props the browser set itself (typed text, a tick) onto the control, before its handlers run. */
  handleProps(message: PropsMessage): void {
    if (this.held) return this.wait(() => this.handleProps(message));
    const control = this.tree.index.get(message.id);
    if (!control) return this.refuse("UNKNOWN_CONTROL", `no control ${message.id} in this session`, message.id);
    const allowed = metaOf(control).clientProps;
    for (const [name, value] of Object.entries(message.props)) {
      const type = Object.hasOwn(allowed, name) ? allowed[name] : undefined;
      if (!type) {
        return this.refuse("BAD_PROP", `${control._typeName()} has no prop '${name}' the browser may set`, message.id);
      }
      if (type !== "json" && typeof value !== type && value !== null) {
        return this.refuse("BAD_PROP", `${control._typeName()}.${name} must be a ${type}, got ${typeof value}`, message.id);
      }
    }
    // Written past the accessors on purpose: the browser already shows these values, so they
    // are not marked as changed and never echoed back (Flet does the same).
    for (const [name, value] of Object.entries(message.props)) {
      if (value === null) delete control._p[name];
      else control._p[name] = value;
    }
  }

  /** Settles the `invoke` the tab answered (a clientStorage read, say). */
  handleReply(message: ReplyMessage): void {
    const pending = this.invokes.get(message.callId);
    if (!pending) return; // timed out already
    this.invokes.delete(message.callId);
    clearTimeout(pending.timer);
    if (message.error !== undefined) pending.reject(new WeftError("INVOKE_FAILED", message.error));
    else pending.resolve(message.result);
  }

  // ------------------------------------------------------------------ to the browser

  /** Calls a method in the browser (`focus`, `clientStorage.get`…) and resolves with its answer. */
  invoke(method: string, args: PropValue[], id?: ControlId, timeoutMs = this.options.invokeTimeoutMs): Promise<PropValue | undefined> {
    if (this.state === "closed") return Promise.reject(new WeftError("SESSION_CLOSED", `session ${this.id} is closed`));
    if (!this.link && !this.awaitingBrowser) {
      return Promise.reject(new WeftError("INVOKE_FAILED", `cannot call '${method}': the browser of session ${this.id} is not connected`));
    }
    const callId = this.nextCallId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.invokes.delete(callId);
        reject(new WeftError("INVOKE_TIMEOUT", `the browser did not answer '${method}' within ${timeoutMs} ms`));
      }, timeoutMs);
      this.invokes.set(callId, { resolve, reject, timer });
      this.send({ type: "invoke", callId, method, args, ...(id !== undefined ? { id } : {}) });
    });
  }

  /**
   * Runs background work of the session's (`page.runTask`): failures go to the session, changes are
   * sent when it settles, its signal aborts when the session closes.
   */
  runTask<T>(task: (signal: AbortSignal) => T | Promise<T>): Promise<T | undefined> {
    const signal = this.tasks.signal;
    return this.track((async () => {
      try {
        return await runInSession(this, () => task(signal));
      } catch (err) {
        if (!signal.aborted) this.reportError("task", err);
        return undefined;
      } finally {
        this.flush();
      }
    })());
  }

  /**
   * Runs app code that is not a browser event (a pubsub message, a timer the app wraps) like a
   * handler: measured, errors reported to this session, changes sent after it.
   */
  runOutsideEvent(name: string, call: () => unknown): void {
    if (this.state === "closed") return;
    this.track(this.runHandler(null, name, call));
  }

  /** Runs the page's handler for a page event (`routeChange`, `viewPop`) with its event object; resolves when it has run. */
  dispatchPageEvent(name: string, data: PropValue | undefined): Promise<void> {
    const handler = Object.hasOwn(this.page._h, name) ? this.page._h[name] : undefined;
    if (typeof handler !== "function") return Promise.resolve();
    const event = this.page._decorateEvent({ control: this.page, name, data, page: this.page });
    return this.track(this.runHandler(this.page.id, name, () => handler.call(this.page, event)));
  }

  /** Resolves once no handler, task or async `main` of this session is running. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) {
      await Promise.allSettled([...this.inflight]);
      await nextTask(); // let follow-up work get tracked
    }
  }

  // ------------------------------------------------------------------ internals

  private start(): void {
    this.runMain(this.main, false);
  }

  /** Runs `main` on the page and sends the page it built (`registered`), or `crashed`. */
  private runMain(main: AppMain, resumed: boolean): void {
    let result: unknown;
    const t0 = performance.now();
    // What main sends before its page exists (an invoke of clientStorage in an async main)
    // waits until the browser has the page: `registered` is always the first message.
    this.heldBack = [];
    try {
      result = runInSession(this, () => main(this.page));
    } catch (err) {
      this.heldBack = null;
      return this.crash(err);
    }
    this.checkBlocked(null, "main", performance.now() - t0);
    // Started detached, the page and what main sent wait for the first browser (`attach`).
    if (!this.awaitingBrowser) {
      const held = this.heldBack;
      this.heldBack = null;
      this.sendPage(resumed);
      for (const message of held) this.send(message);
    }
    if (isPromise(result)) {
      this.track(
        result.then(
          () => this.flush(),
          (err) => this.crash(err),
        ),
      );
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inflight.add(work);
    const done = () => this.inflight.delete(work);
    work.then(done, done);
    return work;
  }

  private sendPage(resumed: boolean): void {
    if (this.crashReport !== null) {
      this.send({ type: "crashed", ...this.crashReport });
      return;
    }
    let page;
    try {
      page = this.tree.serialize(this.page);
    } catch (err) {
      return this.crash(err);
    }
    this.send({ type: "registered", protocol: PROTOCOL_VERSION, sessionId: this.id, resumed, page });
    this.afterPage();
  }

  /** After a whole page went to the browser: the new controls' `didMount`, then what they changed. */
  afterPage(): void {
    try {
      this.tree.runMounted();
    } catch (err) {
      this.reportError("didMount", err);
    }
    this.flush();
  }

  private crash(err: unknown): void {
    this.crashText = describeThrown(err);
    const ref = this.options.exposeErrors ? undefined : errorRef();
    console.error(`weft: session ${this.id}: the app's main failed${ref ? ` [ref ${ref}]` : ""}:\n${stackOf(err)}`);
    if (hook.active) hook.emit({ type: "error", sessionId: this.id, where: "main", error: err });
    this.crashReport = ref ? { message: `The app failed to show this page (reference ${ref}).`, ref } : { message: this.crashText };
    this.send({ type: "crashed", ...this.crashReport });
  }

  /** Runs a handler, measures it, reports its errors to the session, and updates after it. */
  private async runHandler(id: ControlId | null, event: string, call: () => unknown): Promise<void> {
    const t0 = performance.now();
    let result: unknown;
    // A flag, not `error !== undefined`: `throw undefined` is a failure too.
    let threw = false;
    let error: unknown;
    this.autoUpdate = undefined;
    try {
      result = runInSession(this, call);
    } catch (err) {
      threw = true;
      error = err;
    }
    // Read now: another handler may run while this one awaits.
    const autoUpdate = autoUpdateOf(this.page);
    this.autoUpdate = undefined;
    const syncMs = performance.now() - t0;
    this.checkBlocked(id, event, syncMs);
    if (isPromise(result)) {
      if (autoUpdate) this.flush(); // show what the handler did before its first await (a spinner, say)
      try {
        await result;
      } catch (err) {
        threw = true;
        error = err;
      }
    }
    if (threw) this.reportError(`on${event[0]!.toUpperCase()}${event.slice(1)} of #${id}`, error, id);
    if (autoUpdate) {
      // Flet's update after a handler passes through the control that fired: its beforeUpdate
      // (and its ancestors', tree.ts) sees what the handler kept in plain fields.
      const target = id === null ? undefined : this.tree.index.get(id);
      if (target) this.tree.markDirty(target);
      this.flush();
    }
    this.meter?.handler((performance.now() - t0) / 1000);
    if (hook.active) {
      hook.emit({
        type: "handler",
        sessionId: this.id,
        id: id ?? 0,
        event,
        syncMs,
        ms: performance.now() - t0,
        ...(threw ? { error } : {}),
      });
    }
  }

  private callPageHandler(event: string, handler: ((page: Page) => unknown) | undefined): void {
    if (handler) this.track(this.runHandler(null, event, () => handler(this.page)));
  }

  private checkBlocked(id: ControlId | null, event: string, ms: number): void {
    if (ms < this.options.blockWarnMs) return;
    const target = id === null ? "" : ` of ${this.tree.index.get(id)?._typeName() ?? "control"}#${id}`;
    console.warn(
      `weft: ${event}${target} blocked the event loop for ${Math.round(ms)} ms; every session waited. ` +
        `Move slow work into an async function or page.runTask().`,
    );
    if (hook.active) hook.emit({ type: "blocked", sessionId: this.id, id, event, ms });
  }

  /** A component's render or effect threw: reported like a handler's error; the component keeps its last body. */
  reportRenderError(component: { id: ControlId; componentName: string }, err: unknown): void {
    this.reportError(`render of ${component.componentName}#${component.id}`, err, component.id);
  }

  /**
   * App code of this session failed where no handler could catch it (a rejection nobody
   * awaited, a throw in a timer it started): reported like a handler's error, and what it
   * changed is sent. The process-level handlers (server/processErrors.ts) call this.
   */
  reportAppError(where: string, err: unknown): void {
    if (this.state === "closed") return;
    this.reportError(where, err);
    this.flush();
  }

  /**
   * To the server log (with the stack), the devtools (the hook) and the browser (an `error`
   * frame: the text, or with `exposeErrors` off only where it failed and a reference into the log).
   */
  private reportError(where: string, err: unknown, id?: ControlId | null): void {
    const ref = this.options.exposeErrors ? undefined : errorRef();
    console.error(`weft: session ${this.id}: ${where} threw${ref ? ` [ref ${ref}]` : ""}:\n${stackOf(err)}`);
    if (hook.active) hook.emit({ type: "error", sessionId: this.id, where, error: err });
    const message = ref ? `${where} failed (reference ${ref})` : `${where}: ${describeThrown(err)}`;
    this.send({ type: "error", code: "HANDLER_ERROR", message, ...(id ? { id } : {}), ...(ref ? { ref } : {}) });
  }

  private refuse(code: string, message: string, id?: ControlId): void {
    this.send({ type: "error", code, message, ...(id !== undefined ? { id } : {}) });
  }
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof value === "object" && value !== null && typeof (value as Promise<unknown>).then === "function";
}

/** A short id that ties what a user was shown to the server log's line (8 URL-safe characters). */
function errorRef(): string {
  return randomId(6);
}
