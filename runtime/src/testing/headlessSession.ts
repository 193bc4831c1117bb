import type { Page } from "../page/page.ts";
import {
  PROTOCOL_VERSION,
  type ClientInfo,
  type ClientMessage,
  type ControlId,
  type InvokeMessage,
  type PropValue,
  type ServerMessage,
} from "@weft/protocol";
import { NO_REQUEST, type PageRequest } from "../session/pageRequest.ts";
import { Connection } from "../session/connection.ts";
import type { SessionOptions } from "../session/options.ts";
import type { AppMain, Session } from "../session/session.ts";
import { SessionManager } from "../session/sessionManager.ts";
import { ClientMirror, type MirrorNode } from "./clientMirror.ts";
import { shownText } from "./describeControl.ts";
import { formatTree } from "./formatTree.ts";

/** How `openSession(main, options)` starts the headless session: the tab's first route and what it tells the app about itself. */
export interface OpenSessionOptions {
  /** The route the tab opens at. Default "/". */
  route?: string;
  /**
   * What the tab tells the app about itself (`page.platform`, its size, user agent…); the rest are
   * a desktop browser's.
   */
  clientInfo?: Partial<ClientInfo>;
  /**
   * Session limits (resume window, invoke timeout…). `exposeErrors` is on by default here: a
   * test wants to read the app's error messages.
   */
  options?: Partial<SessionOptions>;
  /**
   * Answers the app's calls into the browser (`invoke`: clientStorage, focus…) instead of the
   * built-in stand-in. Return `undefined` to let the stand-in answer, `"never"` to leave the call
   * unanswered (it times out as a lost browser would). `replay()` uses this to give back what the
   * real browser answered.
   */
  onInvoke?: (message: InvokeMessage) => InvokeAnswer | undefined;
  /**
   * The app's session manager, to open several tabs of one app (pubsub between them). By
   * default each headless session gets a manager of its own.
   */
  manager?: SessionManager;
  /**
   * What `page.request` says: the cookies and headers a browser's upgrade would carry, for an
   * app that reads the host's session cookie. Default: no request (`{ url: "", headers: {}, cookies: {} }`).
   */
  request?: Partial<PageRequest>;
}

/** What the browser answers to an `invoke`. */
export type InvokeAnswer = { result: PropValue } | { error: string } | "never";

/** What to look for: a key, a control type (class name), or text shown by the control. */
export interface FindQuery {
  /** The control's `key`. */
  key?: string;
  /** The control's type or class name ("Button", or "TodoItem" for a subclass or component). */
  type?: string;
  /** Text the control shows (its value, label or content), matched whole. */
  text?: string;
}

/**
 * A browser tab with no browser: it speaks the real protocol to a real session through an
 * in-memory transport, keeps its own copy of the tree from the patches it receives, and acts on
 * it as a user would. What it shows is what a browser would show.
 */
export class HeadlessSession {
  /** The tree as the browser would hold it, built from the frames sent. */
  readonly mirror = new ClientMirror();
  /** Every frame, in order, as the browser would have seen it. */
  readonly messages: { direction: "in" | "out"; message: ClientMessage | ServerMessage }[] = [];
  /** What the app asked of the browser and got no answer for yet is answered here. */
  readonly localStorage = new Map<string, string>();
  /** The session manager behind it, with the session's options. */
  readonly manager: SessionManager;
  private connection: Connection;
  private closed = false;
  private readonly client: ClientInfo;
  private readonly onInvoke: OpenSessionOptions["onInvoke"];
  private readonly request: PageRequest | undefined;

  constructor(main: AppMain, options: OpenSessionOptions = {}) {
    this.manager = options.manager ?? new SessionManager(main, { exposeErrors: true, ...options.options });
    this.onInvoke = options.onInvoke;
    this.request = options.request ? { ...NO_REQUEST, ...options.request } : undefined;
    this.client = {
      route: options.route ?? "/",
      userAgent: "weft-headless",
      platform: "linux",
      width: 1280,
      height: 720,
      ...options.clientInfo,
    };
    this.connection = this.connect();
    this.send({ type: "register", protocol: PROTOCOL_VERSION, client: this.client });
  }

  /** The server side of the session (throws if it did not register). */
  get session(): Session {
    const session = this.connection.session;
    if (!session) throw new Error("weft/testing: the session did not register");
    return session;
  }

  /** The page the app's `main` was given: set what a user cannot (a route change, say) or read what it holds. */
  get page(): Page {
    return this.session.page;
  }

  /** Waits until handlers, tasks and an async main have finished and their updates arrived. */
  async settle(): Promise<this> {
    await this.session.idle();
    return this;
  }

  /** The first control matching the query, as the client sees it; throws naming the query if none. */
  find(query: FindQuery): ControlHandle {
    const found = this.findAll(query);
    if (found.length === 0) throw new Error(`weft/testing: nothing matches ${JSON.stringify(query)}\n${this.tree()}`);
    return found[0]!;
  }

  /** Every visible control matching the query, in tree order. */
  findAll(query: FindQuery): ControlHandle[] {
    const out: ControlHandle[] = [];
    const visit = (id: ControlId) => {
      const node = this.mirror.get(id);
      if (node.p.visible === false) return;
      if (matches(node, query, this.mirror)) out.push(new ControlHandle(this, id));
      for (const ids of Object.values(node.c)) ids.forEach(visit);
    };
    if (this.mirror.root !== null) visit(this.mirror.root);
    return out;
  }

  /** A readable, stable text of the tree (no ids), fit for snapshots. */
  tree(): string {
    return this.mirror.root === null ? "" : formatTree(this.mirror);
  }

  /** Closes the tab: the session waits for a resume like any dropped connection. */
  disconnect(): void {
    this.connection.closedByPeer();
  }

  /**
   * Opens a new connection that resumes this session, as a refreshed or reconnected tab does:
   * the server answers with the whole page as it is now. Call `disconnect()` first.
   */
  async reconnect(): Promise<this> {
    const sessionId = this.session.id;
    if (this.session.connected) throw new Error("weft/testing: reconnect() needs disconnect() first");
    this.connection = this.connect();
    this.closed = false;
    this.send({ type: "register", protocol: PROTOCOL_VERSION, sessionId, client: this.client });
    return this.settle();
  }

  /** Ends the session for good. */
  close(): void {
    this.connection.closedByPeer();
    this.session.close("test finished");
  }

  /** @internal */
  send(message: ClientMessage): void {
    if (this.closed) throw new Error("weft/testing: the connection was closed by the server");
    this.messages.push({ direction: "in", message });
    this.connection.receive(JSON.stringify(message));
  }

  private connect(): Connection {
    return new Connection(
      this.manager,
      { send: (text) => this.receive(text), close: () => (this.closed = true) },
      { ip: "127.0.0.1", userAgent: "weft-headless", ...(this.request ? { request: this.request } : {}) },
    );
  }

  private receive(text: string): void {
    const message = JSON.parse(text) as ServerMessage;
    this.messages.push({ direction: "out", message });
    this.mirror.apply(message);
    if (message.type === "invoke") {
      const answer = this.onInvoke?.(message);
      if (answer === "never") return;
      if (answer !== undefined) {
        const { callId } = message;
        queueMicrotask(() => this.send({ type: "reply", callId, ...answer }));
        return;
      }
      this.answer(message.callId, message.method, message.args);
    }
  }

  /** The clipboard as `Clipboard.set` left it (the browser's own, headless). */
  clipboard: string | null = null;

  /** Plays the browser's part of `invoke`: localStorage and the clipboard kept in memory, focus a no-op. */
  private answer(callId: number, method: string, args: PropValue[]): void {
    const reply = (result: PropValue | undefined, error?: string) =>
      queueMicrotask(() => this.send({ type: "reply", callId, ...(error ? { error } : { result: result ?? null }) }));
    const key = String(args[0]);
    switch (method) {
      case "focus":
        return reply(null);
      case "clipboard.set":
        this.clipboard = key;
        return reply(null);
      case "clipboard.get":
        return reply(this.clipboard);
      case "clientStorage.get": {
        const raw = this.localStorage.get(key);
        return reply(raw === undefined ? null : (JSON.parse(raw) as PropValue));
      }
      case "clientStorage.set":
        this.localStorage.set(key, JSON.stringify(args[1] ?? null));
        return reply(true);
      case "clientStorage.remove":
        this.localStorage.delete(key);
        return reply(true);
      case "clientStorage.keys":
        return reply([...this.localStorage.keys()].filter((k) => k.startsWith(args[0] ? key : "")));
      default:
        return reply(undefined, `unknown method '${method}'`);
    }
  }
}

/** One control in a headless session, with what a user can do to it. */
export class ControlHandle {
  constructor(
    private readonly s: HeadlessSession,
    /** The control's id. */
    readonly id: ControlId,
  ) {}

  /** The control as the browser holds it: props, handled events, children. */
  get node(): MirrorNode {
    return this.s.mirror.get(this.id);
  }
  /** The control's class name, e.g. "Button" or "TodoItem". */
  get controlType(): string {
    return this.node.n ?? this.node.t;
  }
  /** The control's props as the browser holds them: `expect(handle.props.value).toBe("2")`. */
  get props(): Readonly<Record<string, PropValue>> {
    return this.node.p;
  }
  /** The text the control shows (a Text's value, a Button's text, a field's value). */
  get text(): string {
    return shownText(this.node, this.s.mirror);
  }

  /**
   * Clicks the control as a user would: sends its `click` event (a Tab of a Tabs picks the tab) and
   * waits until the app settles.
   */
  async click(): Promise<void> {
    const node = this.node; // the click may remove it
    if (node.t === "Tab" && node.slot === "tabs" && !node.h.includes("click")) return this.pickTab(node);
    await this.fire("click");
    // A picked menu item closes its menu, which then reports the pick, as in the browser.
    if (node.t !== "PopupMenuItem" || node.parent === null) return;
    const menu = this.s.mirror.nodes.get(node.parent);
    if (menu?.h.includes("select")) await new ControlHandle(this.s, menu.i).fire("select", this.id);
  }

  /**
   * A click on a TabBar's Tab, as the browser handles it: the TabBar reports the index
   * (`onClick`), and the Tabs around it selects the tab (its `selectedIndex`, then `onChange`).
   */
  private async pickTab(tab: MirrorNode): Promise<void> {
    const bar = this.s.mirror.get(tab.parent!);
    const index = bar.c.tabs!.indexOf(tab.i);
    if (bar.h.includes("click")) await new ControlHandle(this.s, bar.i).fire("click", index);
    let tabs: MirrorNode | undefined = bar;
    while (tabs && tabs.t !== "Tabs") tabs = tabs.parent === null ? undefined : this.s.mirror.get(tabs.parent);
    if (!tabs || (tabs.p.selectedIndex ?? 0) === index) return this.s.settle().then(() => undefined);
    tabs.p.selectedIndex = index; // the browser shows it at once
    this.s.send({ type: "props", id: tabs.i, props: { selectedIndex: index } });
    if (tabs.h.includes("change")) await new ControlHandle(this.s, tabs.i).fire("change", index);
    else await this.s.settle();
  }

  /** A tap on a GestureDetector (`onTap`), at its top left corner. */
  tap(): Promise<void> {
    return this.fire("tap", { localPosition: { x: 0, y: 0 }, globalPosition: { x: 0, y: 0 }, kind: "mouse" });
  }

  /** Two quick taps on a GestureDetector (`onDoubleTap`). */
  doubleTap(): Promise<void> {
    return this.fire("doubleTap");
  }

  /**
   * Drags a GestureDetector by (dx, dy), in `steps` equal moves: `panStart`, a `panUpdate` per
   * move (its `localDelta` the move), `panEnd`, each sent if handled, as a user's drag would.
   */
  async drag(dx: number, dy: number, steps = 1): Promise<void> {
    const handled = ["panStart", "panUpdate", "panEnd"].filter((name) => this.node.h.includes(name));
    if (handled.length === 0) throw new Error(`weft/testing: ${this.controlType}#${this.id} handles no drag (onPanStart, onPanUpdate, onPanEnd)`);
    const at = { x: 0, y: 0 };
    const send = (name: string, data: Record<string, PropValue>) => (this.node.h.includes(name) ? this.fire(name, data) : Promise.resolve());
    await send("panStart", { localPosition: { ...at }, globalPosition: { ...at }, kind: "mouse", timestamp: 0 });
    for (let i = 1; i <= steps; i++) {
      const delta = { x: dx / steps, y: dy / steps };
      at.x += delta.x;
      at.y += delta.y;
      await send("panUpdate", { localPosition: { ...at }, globalPosition: { ...at }, localDelta: delta, globalDelta: delta, timestamp: i });
    }
    await send("panEnd", { localPosition: { ...at }, globalPosition: { ...at }, velocity: { x: 0, y: 0 } });
  }

  /** Replaces the field's text, as typing into it would, then fires change. */
  type(text: string): Promise<void> {
    return this.setValue(text);
  }

  /** Types text and presses Enter. */
  async submit(text?: string): Promise<void> {
    if (text !== undefined) await this.setValue(text);
    return this.fire("submit", (this.node.p.value as string | undefined) ?? "");
  }

  /** Ticks (or, with false, unticks) a checkbox. */
  check(value = true): Promise<void> {
    return this.setValue(value);
  }

  /** Unticks a Checkbox or turns off a Switch, as a user would, and waits until the app settles. */
  uncheck(): Promise<void> {
    return this.setValue(false);
  }

  /** Picks a dropdown option by key, or a radio group's value (of any type). */
  select(value: PropValue): Promise<void> {
    return this.setValue(value);
  }

  /** Fires an event the control handles; throws if it has no such handler (a user could not do it). */
  async fire(name: string, data?: PropValue): Promise<void> {
    const node = this.node;
    if (!node.h.includes(name)) {
      throw new Error(`weft/testing: ${this.controlType}#${this.id} has no '${name}' handler (it handles: ${node.h.join(", ") || "nothing"})`);
    }
    if (node.p.disabled === true) throw new Error(`weft/testing: ${this.controlType}#${this.id} is disabled`);
    this.s.send({ type: "event", id: this.id, name, ...(data !== undefined ? { data } : {}) });
    await this.s.settle();
  }

  private async setValue(value: PropValue): Promise<void> {
    this.node.p.value = value; // the browser shows it at once
    this.s.send({ type: "props", id: this.id, props: { value } });
    if (this.node.h.includes("change")) await this.fire("change", value);
    else await this.s.settle();
  }
}

function matches(node: MirrorNode, query: FindQuery, mirror: ClientMirror): boolean {
  if (query.key !== undefined && node.p.key !== query.key) return false;
  if (query.type !== undefined && node.t !== query.type && node.n !== query.type) return false;
  if (query.text !== undefined && shownText(node, mirror) !== query.text) return false;
  return true;
}

/** Opens a headless session of `main` and waits for its first page. */
export async function openSession(main: AppMain, options: OpenSessionOptions = {}): Promise<HeadlessSession> {
  const session = new HeadlessSession(main, options);
  await session.settle();
  return session;
}
