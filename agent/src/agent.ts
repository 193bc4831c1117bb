import type { Control, HookEvent, WeftHook } from "weft";
import { describeThrown } from "weft";
import type { PatchOp, WireNode } from "@weft/protocol";
import type {
  ControlsAtResult,
  ErrorInfo,
  MessageResult,
  MessageRow,
  PropsResult,
  ServerMessage,
  SessionInfo,
  SourceResult,
  TreeNode,
  TreeOp,
  TreeSetOp,
} from "@weft/protocol/channel";
import { controlsCreatedAt, createSourceLocator } from "./sourceLocations.ts";
import { createInspectService, type InspectLimits, type InspectService } from "./inspect/inspectService.ts";
import { summarize } from "./inspect/summary.ts";

/** A session as the hook hands it out (the runtime's Session, seen through what the agent reads). */
interface SessionLike {
  id: string;
  state: "connected" | "resuming" | "closed";
  createdAt: number;
  clientIp: string;
  crashed: string | null;
  client: { userAgent?: string };
  page: Control & { route: string; title?: string };
  tree: { index: Map<number, Control> };
}

export interface AgentOptions {
  /** Default: `globalThis.__WEFT_HOOK__`, which the runtime installs. */
  hook?: WeftHook;
  /** Where the agent's messages go (the devserver's hub). Called synchronously from the hook. */
  emit(message: ServerMessage): void;
  /** How many recent frames per session are kept for `get-message`, and at most how many characters. */
  messageBuffer?: { count: number; chars: number };
  /** Record where controls are created and answer `source`/`controlsAt` (sourceLocations.ts). Default true. */
  sourceLocations?: boolean;
  /**
   * The inspector's service (time travel, causal chains, post-mortems, prop editing, console,
   * picker; inspect/inspectService.ts) and browser timings. Default true; limits may be given.
   */
  inspect?: boolean | Partial<InspectLimits>;
}

export interface Agent {
  sessions(): SessionInfo[];
  /** The structure of a session's tree now, or null for an unknown session. */
  tree(sessionId: string): TreeNode | null;
  /** One control's props, handlers and fields, fetched when a tool selects it. */
  props(sessionId: string, id: number): PropsResult | null;
  /** The full text of a recent frame, or null once it left the buffer. */
  message(sessionId: string, seq: number): MessageResult | null;
  /** Where a control was created, or with `event` where its handler is defined; null when unknown. */
  source(sessionId: string, id: number, event?: string): SourceResult | null;
  /** The controls created on a line of a file (the editor's cursor), or null for an unknown session. */
  controlsAt(sessionId: string, file: string, line: number): ControlsAtResult | null;
  /** The inspector's service, unless turned off. */
  readonly inspect: InspectService | null;
  /** Unsubscribes from the hook. */
  dispose(): void;
}

interface SessionTrack {
  seq: number;
  frames: MessageResult[];
  chars: number;
}

/**
 * The instrumentation that runs inside the app's process: it listens on the runtime's hook and
 * turns what it hears into channel messages. It sends structure, sizes and timings; the heavy
 * parts (a control's props, a frame's text) stay here until a tool asks for them, as React
 * DevTools learned to do (its v3 sent everything and slowed the page down).
 */
export function attachAgent(options: AgentOptions): Agent {
  const hook = options.hook ?? globalThis.__WEFT_HOOK__;
  if (!hook) throw new Error("weft agent: no weft runtime in this process (globalThis.__WEFT_HOOK__ is missing); import 'weft' first");
  const limits = options.messageBuffer ?? { count: 500, chars: 2_000_000 };
  const tracks = new Map<string, SessionTrack>();
  const emit = options.emit;
  const now = () => performance.timeOrigin + performance.now();

  const findSession = (id: string) => [...hook.sessions].find((s) => s.id === id) as SessionLike | undefined;
  const track = (id: string) => {
    let t = tracks.get(id);
    if (!t) tracks.set(id, (t = { seq: 0, frames: [], chars: 0 }));
    return t;
  };

  const inspect: InspectService | null =
    options.inspect === false
      ? null
      : createInspectService({
          hook,
          emit,
          sessionInfo: (s) => sessionInfo(s as unknown as SessionLike),
          frames: (id) => tracks.get(id)?.frames ?? [],
          errorInfo,
          ...(typeof options.inspect === "object" ? { limits: options.inspect } : {}),
        });

  const onEvent = (event: HookEvent) => {
    // A closing session: the inspector keeps its post-mortem before the agent forgets its frames.
    if (event.type === "session-close") inspect?.observe(event);
    const row = record(event);
    if (event.type !== "session-close") inspect?.observe(event, row);
  };

  /** Turns one hook event into channel messages; returns a message's row. */
  const record = (event: HookEvent): MessageRow | undefined => {
    switch (event.type) {
      case "session-open":
        track(event.session.id);
        emit({ type: "session-open", session: sessionInfo(event.session as unknown as SessionLike) });
        return;
      case "session-close":
        tracks.delete(event.sessionId);
        emit({ type: "session-close", sessionId: event.sessionId, reason: event.reason });
        return;
      case "connect":
      case "disconnect": {
        const session = findSession(event.sessionId);
        if (session) emit({ type: "session-update", session: sessionInfo(session) });
        return;
      }
      case "message": {
        const t = track(event.sessionId);
        const row: MessageRow = {
          sessionId: event.sessionId,
          seq: ++t.seq,
          direction: event.direction,
          kind: messageKind(event.text),
          bytes: event.bytes,
          at: performance.timeOrigin + event.at,
          preview: event.text.slice(0, 160),
        };
        if (row.kind === "patch") row.ops = countOps(event.text);
        if (inspect?.isToolFrame(event)) row.tool = true;
        t.frames.push({ row, text: event.text });
        t.chars += event.text.length;
        while (t.frames.length > limits.count || (t.chars > limits.chars && t.frames.length > 1)) t.chars -= t.frames.shift()!.text.length;
        emit({ type: "message", row });
        return row;
      }
      case "patch": {
        const session = findSession(event.sessionId);
        emit({ type: "tree-ops", sessionId: event.sessionId, ops: event.ops.map((op) => treeOp(op, session?.tree.index)) });
        if (session && event.ops.some((op) => op.op === "set" && op.id === session.page.id && op.props && ("route" in op.props || "title" in op.props))) {
          emit({ type: "session-update", session: sessionInfo(session) });
        }
        return;
      }
      case "handler":
        emit({
          type: "handler",
          sessionId: event.sessionId,
          id: event.id,
          event: event.event,
          syncMs: event.syncMs,
          ms: event.ms,
          at: now(),
          ...(event.error !== undefined ? { error: errorInfo(event.error) } : {}),
        });
        return;
      case "blocked":
        emit({ type: "blocked", sessionId: event.sessionId, id: event.id, event: event.event, ms: event.ms, at: now() });
        return;
      case "error": {
        emit({ type: "error", sessionId: event.sessionId, where: event.where, error: errorInfo(event.error), at: now() });
        if (event.where === "main") {
          const session = findSession(event.sessionId);
          if (session) emit({ type: "session-update", session: sessionInfo(session) });
        }
        return;
      }
      default: {
        // A newer runtime may emit events this agent does not know: ignore them.
        return;
      }
    }
  };

  // With the inspector on, browsers are asked for their round trips (docs/protocol.md "Timings").
  const unsubscribe = hook.subscribe(onEvent, { timings: inspect !== null });
  for (const session of hook.sessions) track(session.id);
  const locator = options.sourceLocations === false ? null : createSourceLocator({ hook });

  return {
    sessions: () => [...hook.sessions].filter((s) => s.state !== "closed").map((s) => sessionInfo(s as unknown as SessionLike)),
    tree(sessionId) {
      const session = findSession(sessionId);
      return session ? treeNode(session.page) : null;
    },
    props(sessionId, id) {
      const session = findSession(sessionId);
      const control = session?.tree.index.get(id);
      if (!session || !control) return null;
      return propsOf(sessionId, control);
    },
    message(sessionId, seq) {
      return tracks.get(sessionId)?.frames.find((f) => f.row.seq === seq) ?? inspect?.deadFrame(sessionId, seq) ?? null;
    },
    source(sessionId, id, event) {
      const control = findSession(sessionId)?.tree.index.get(id);
      if (!control || !locator) return null;
      const handler = event === undefined ? undefined : control._h[event];
      if (event !== undefined && !handler) return null;
      const location = handler ? locator.functionLocation(handler) : locator.creationSite(control);
      if (!location) return null;
      return { sessionId, id, ...(event !== undefined ? { event } : {}), location };
    },
    controlsAt(sessionId, file, line) {
      const session = findSession(sessionId);
      if (!session || !locator) return null;
      return { sessionId, ...controlsCreatedAt(session.page, file, line, (c) => locator.creationSite(c)) };
    },
    inspect,
    dispose() {
      unsubscribe();
      inspect?.dispose();
      locator?.dispose();
      tracks.clear();
    },
  };
}

function sessionInfo(session: SessionLike): SessionInfo {
  const info: SessionInfo = {
    id: session.id,
    state: session.state,
    route: session.page.route,
    clientIp: session.clientIp,
    createdAt: session.createdAt,
  };
  if (session.page.title !== undefined) info.title = session.page.title;
  if (session.client.userAgent) info.userAgent = session.client.userAgent;
  if (session.crashed !== null) info.crashed = session.crashed;
  return info;
}

const slotsOf = (control: Control) => (control.constructor as typeof Control).meta.slots;

/** The structure of `control` and everything under it. */
export function treeNode(control: Control): TreeNode {
  const meta = (control.constructor as typeof Control).meta;
  const node: TreeNode = { i: control.id, t: meta.type };
  const name = control._typeName();
  if (name !== meta.type) node.n = name;
  const key = control._p.key;
  if (key !== undefined) node.k = String(key);
  const s = summarize(meta.type, control._p);
  if (s !== undefined) node.s = s;
  for (const slot in slotsOf(control)) {
    const children = control._children(slot);
    if (children.length) (node.c ??= {})[slot] = children.map(treeNode);
  }
  return node;
}

function wireToTree(wire: WireNode): TreeNode {
  const node: TreeNode = { i: wire.i, t: wire.t };
  if (wire.n) node.n = wire.n;
  if (wire.p.key !== undefined) node.k = String(wire.p.key);
  const s = summarize(wire.t, wire.p);
  if (s !== undefined) node.s = s;
  if (wire.c) {
    for (const [slot, children] of Object.entries(wire.c)) if (children.length) (node.c ??= {})[slot] = children.map(wireToTree);
  }
  return node;
}

/** `index` (the session's live controls) lets a `set` carry the control's new summary. */
export function treeOp(op: PatchOp, index?: ReadonlyMap<number, Control>): TreeOp {
  switch (op.op) {
    case "set": {
      const out: TreeSetOp = { op: "set", id: op.id };
      if (op.props && "key" in op.props) out.k = op.props.key === null ? null : String(op.props.key);
      const control = op.props ? index?.get(op.id) : undefined;
      if (control) out.s = summarize((control.constructor as typeof Control).meta.type, control._p) ?? null;
      return out;
    }
    case "insert":
      return { op: "insert", parent: op.parent, slot: op.slot, before: op.before, node: wireToTree(op.node) };
    case "remove":
      return { op: "remove", parent: op.parent, slot: op.slot, id: op.id };
    case "move":
      return { op: "move", parent: op.parent, slot: op.slot, id: op.id, before: op.before };
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}

const INTERNAL = new Set(["id", "_p", "_h", "_lists", "_listViews", "_single", "_owner", "_parent", "_slot", "_changed", "_dirtySlots", "_sent"]);

function propsOf(sessionId: string, control: Control): PropsResult {
  const meta = (control.constructor as typeof Control).meta;
  const fields: Record<string, string> = {};
  for (const name of Object.keys(control)) {
    if (INTERNAL.has(name) || name.startsWith("_")) continue;
    fields[name] = preview((control as unknown as Record<string, unknown>)[name]);
  }
  const result: PropsResult = {
    sessionId,
    id: control.id,
    type: meta.type,
    name: control._typeName(),
    props: { ...control._p },
    handlers: Object.keys(control._h),
    fields,
    parent: control._parent?.id ?? null,
    slot: control._slot,
  };
  if (control._p.key !== undefined) result.key = String(control._p.key);
  return result;
}

/** A short, safe text for any value (never the value itself: it may be huge or cyclic). */
export function preview(value: unknown): string {
  if (value === null || value === undefined || typeof value === "boolean" || typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? value.slice(0, 80) + "…" : value);
  if (typeof value === "function") return `ƒ ${value.name || "anonymous"}()`;
  if (typeof value === "bigint" || typeof value === "symbol") return String(value);
  if (Array.isArray(value)) return `Array(${value.length})`;
  if (value instanceof Map) return `Map(${value.size})`;
  if (value instanceof Set) return `Set(${value.size})`;
  const ctor = (value as object).constructor;
  if (ctor && "meta" in ctor && typeof (value as Control).id === "number") return `${(value as Control)._typeName()}#${(value as Control).id}`;
  return ctor && ctor !== Object ? ctor.name || "Object" : "{…}";
}

export function errorInfo(err: unknown): ErrorInfo {
  if (err instanceof Error) {
    const info: ErrorInfo = { name: err.name, message: err.message };
    if (err.stack) info.stack = err.stack;
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string") info.code = code;
    return info;
  }
  // `String(Object.create(null))` throws: a thrown non-Error must still reach the inspector.
  return { name: "Error", message: describeThrown(err) };
}

function messageKind(text: string): string {
  const match = /^\s*\{\s*"type"\s*:\s*"([^"]{1,40})"/.exec(text);
  if (match) return match[1]!;
  try {
    const type = (JSON.parse(text) as { type?: unknown }).type;
    return typeof type === "string" ? type : "unknown";
  } catch {
    return "bad-frame";
  }
}

function countOps(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"op":"'); i >= 0; i = text.indexOf('"op":"', i + 6)) n++;
  return n;
}
