import type { Control, HookEvent, SessionDescription, WeftHook, WeftInspection } from "weft";
import type { WireNode } from "@weft/protocol";
import type { ControlsAtResult, HandlerMessage, HookInfo, MessageResult, MessageRow, PropsResult, ServerMessage, SessionInfo, SourceResult, TreeNode } from "@weft/protocol/channel";
import { toTreeNode, toTreeOp } from "./channelTree.ts";
import { controlsCreatedAt, createSourceLocator } from "./sourceLocations.ts";
import { createInspectService, type InspectLimits, type InspectService } from "./inspect/inspectService.ts";
import { inspectValue } from "./inspect/inspectValue.ts";
import { propOptions } from "./inspect/propOptions.ts";
import { describeWhere } from "./inspect/describeWhere.ts";
import { messageRow } from "./messageRow.ts";
import { errorInfo, preview } from "./values.ts";
import { roundMs, wallTime } from "./time.ts";

export interface AgentOptions {
  /** Default: `globalThis.__WEFT_HOOK__`, which the runtime installs. */
  hook?: WeftHook;
  /** How many recent frames per session are kept for `get-message`, and at most how many characters. */
  messageBuffer?: { count: number; chars: number };
  /** Record where controls are created and answer `source`/`controlsAt` (sourceLocations.ts). Default true. */
  sourceLocations?: boolean;
  /**
   * The inspector's service (time travel, causal chains, post-mortems, prop editing, console,
   * picker; inspect/inspectService.ts) and browser timings. Default true; limits may be given.
   */
  inspect?: boolean | Partial<InspectLimits>;
  /** The app's entry module, named in the header of an exported recording. */
  app?: string;
}

/** What the tools connected now ask for, so the agent skips work nobody will read. */
export interface AgentDemand {
  /** Some tool watches this session's tree (its `tree-ops` are wanted). */
  tree(sessionId: string): boolean;
}

export interface Agent {
  /** Hears every channel message the agent makes, synchronously from the hook. Returns the undo. */
  subscribe(listener: (message: ServerMessage) => void): () => void;
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
  /**
   * Tells the agent what tools want (the hub does): a session whose tree nobody watches costs no
   * `tree-ops`. Until it is called, everything is made.
   */
  setDemand(demand: AgentDemand): void;
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
 * turns what it hears into channel messages, reading sessions and controls through the hook's
 * inspection API (docs/hook.md), never their internals. It sends structure, sizes and timings;
 * the heavy parts (a control's props, a frame's text) stay here until a tool asks for them, as
 * React DevTools learned to do (its v3 sent everything and slowed the page down).
 */
export function attachAgent(options: AgentOptions = {}): Agent {
  const hook = options.hook ?? globalThis.__WEFT_HOOK__;
  if (!hook) throw new Error("weft agent: no weft runtime in this process (globalThis.__WEFT_HOOK__ is missing); import 'weft' first");
  const inspection = hook.inspection;
  if (!inspection) throw new Error("weft agent: the weft runtime in this process has no inspection API (hook.inspection, docs/hook.md); update weft");
  const limits = options.messageBuffer ?? { count: 500, chars: 2_000_000 };
  const tracks = new Map<string, SessionTrack>();
  /** Each session's short number (`#3`), in the order they opened; ended ones keep theirs. */
  const indexes = new Map<string, number>();
  let lastIndex = 0;
  let demand: AgentDemand | null = null;
  const listeners = new Set<(message: ServerMessage) => void>();
  const emit = (message: ServerMessage) => {
    for (const listener of listeners) {
      try {
        listener(message);
      } catch (err) {
        console.error("weft agent: a listener threw:", err);
      }
    }
  };
  const indexOf = (sessionId: string) => {
    let index = indexes.get(sessionId);
    if (index === undefined) {
      indexes.set(sessionId, (index = ++lastIndex));
      if (indexes.size > 10_000) indexes.delete(indexes.keys().next().value!); // a long day of tabs
    }
    return index;
  };
  const infoOf = (sessionId: string) => {
    const description = inspection.describeSession(sessionId);
    return description ? sessionInfo(description, indexOf(sessionId)) : undefined;
  };
  /** The live control's wire node (for a `set` op's new summary and flags). */
  let patchSession = "";
  const nodeOf = (id: number): WireNode | undefined => {
    const control = inspection.control(patchSession, id);
    return control ? inspection.node(control) : undefined;
  };
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
          sessionInfo: infoOf,
          frames: (id) => tracks.get(id)?.frames ?? [],
          ...(options.app !== undefined ? { app: options.app } : {}),
          ...(typeof options.inspect === "object" ? { limits: options.inspect } : {}),
        });

  const onEvent = (event: HookEvent) => {
    // A closing session: the inspector keeps its post-mortem before the agent forgets its frames.
    if (event.type === "session-close") inspect?.observe(event);
    const row = record(event);
    if (event.type !== "session-close") inspect?.observe(event, row);
  };

  const update = (sessionId: string) => {
    const session = infoOf(sessionId);
    if (session) emit({ type: "session-update", session });
  };

  /** Turns one hook event into channel messages; returns a message's row. */
  const record = (event: HookEvent): MessageRow | undefined => {
    switch (event.type) {
      case "session-open": {
        track(event.session.id);
        const session = infoOf(event.session.id);
        if (session) emit({ type: "session-open", session });
        return;
      }
      case "session-close":
        tracks.delete(event.sessionId);
        emit({ type: "session-close", sessionId: event.sessionId, reason: event.reason });
        return;
      case "connect":
      case "disconnect":
        update(event.sessionId);
        return;
      case "message": {
        const t = track(event.sessionId);
        const row = messageRow(event.sessionId, ++t.seq, event.direction, event.text, event.bytes, wallTime(event.at));
        if (inspect?.isToolFrame(event)) row.tool = true;
        if (row.kind === "patch") {
          const cause = inspect?.causeOf(event.sessionId);
          if (cause) row.cause = cause;
        }
        t.frames.push({ row, text: event.text });
        t.chars += event.text.length;
        while (t.frames.length > limits.count || (t.chars > limits.chars && t.frames.length > 1)) t.chars -= t.frames.shift()!.text.length;
        emit({ type: "message", row });
        return row;
      }
      case "patch": {
        const { sessionId } = event;
        // Nobody watches this session's tree: its ops would be dropped by the hub anyway.
        if (!demand || demand.tree(sessionId)) {
          patchSession = sessionId;
          const ops = event.ops.map((op) => toTreeOp(op, nodeOf));
          patchSession = "";
          emit({ type: "tree-ops", sessionId, ops });
        }
        const pageId = inspection.root(sessionId)?.id;
        for (const op of event.ops) {
          if (op.op === "set" && op.id === pageId && op.props && ("route" in op.props || "title" in op.props)) {
            update(sessionId);
            break;
          }
        }
        return;
      }
      case "handler": {
        // Built, not spread: a literal with `...` gets a shape JSON.stringify writes 1.7× slower,
        // and this message goes to every tool once per app event.
        const message: HandlerMessage = { type: "handler", sessionId: event.sessionId, id: event.id, event: event.event, syncMs: roundMs(event.syncMs), ms: roundMs(event.ms), at: wallTime() };
        if (event.error !== undefined) message.error = errorInfo(event.error);
        emit(message);
        return;
      }
      case "blocked":
        emit({ type: "blocked", sessionId: event.sessionId, id: event.id, event: event.event, ms: roundMs(event.ms), at: wallTime() });
        return;
      case "error": {
        const { where, id } = describeWhere(event.where, (controlId) => inspect?.labelIn(event.sessionId, controlId));
        emit({ type: "error", sessionId: event.sessionId, where, error: errorInfo(event.error), at: wallTime(), ...(id !== undefined ? { id } : {}) });
        if (event.where === "main") update(event.sessionId);
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
    subscribe(listener) {
      // A wrapper per subscription, so the same function subscribed twice needs two undos.
      const entry = (message: ServerMessage) => listener(message);
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    sessions: () => inspection.sessions().map((s) => sessionInfo(s, indexOf(s.id))),
    tree(sessionId) {
      const root = inspection.root(sessionId);
      return root ? toTreeNode(inspection.tree(root)) : null;
    },
    props(sessionId, id) {
      const control = inspection.control(sessionId, id);
      return control ? propsOf(inspection, sessionId, control) : null;
    },
    message(sessionId, seq) {
      return tracks.get(sessionId)?.frames.find((f) => f.row.seq === seq) ?? inspect?.deadFrame(sessionId, seq) ?? null;
    },
    source(sessionId, id, event) {
      const control = inspection.control(sessionId, id);
      if (!control || !locator) return null;
      const handler = event === undefined ? undefined : inspection.handler(control, event);
      if (event !== undefined && !handler) return null;
      const location = handler ? locator.functionLocation(handler) : locator.creationSite(control);
      if (!location) return null;
      return { sessionId, id, ...(event !== undefined ? { event } : {}), location };
    },
    controlsAt(sessionId, file, line) {
      const root = inspection.root(sessionId);
      if (!root || !locator) return null;
      return { sessionId, ...controlsCreatedAt(inspection, root, file, line, (c) => locator.creationSite(c)) };
    },
    inspect,
    setDemand(next) {
      demand = next;
    },
    dispose() {
      unsubscribe();
      listeners.clear();
      inspect?.dispose();
      locator?.dispose();
      tracks.clear();
    },
  };
}

/** The channel's view of a session (`index`: its short number, when the agent gave it one). */
export function sessionInfo(session: SessionDescription, index?: number): SessionInfo {
  const info: SessionInfo = { id: session.id, state: session.state, route: session.route, clientIp: session.clientIp, createdAt: session.createdAt };
  if (session.title !== undefined) info.title = session.title;
  if (session.userAgent) info.userAgent = session.userAgent;
  if (session.crashed !== null) info.crashed = session.crashed;
  if (session.leaving) info.leaving = true;
  if (index !== undefined) info.index = index;
  return info;
}

function propsOf(inspection: WeftInspection, sessionId: string, control: Control): PropsResult {
  const node = inspection.node(control);
  const place = inspection.placeOf(control);
  const fields: Record<string, string> = {};
  const fieldValues: PropsResult["fieldValues"] = {};
  for (const [name, value] of inspection.fields(control)) {
    if (name === "data" && value === undefined) continue; // every control has it: an empty line on each is noise
    fields[name] = preview(value, inspection);
    fieldValues[name] = inspectValue(value, inspection);
  }
  const result: PropsResult = {
    sessionId,
    id: node.i,
    type: node.t,
    name: inspection.typeName(control),
    props: node.p,
    handlers: node.h ?? [],
    fields,
    parent: place?.parent.id ?? null,
    slot: place?.slot ?? null,
    fieldValues,
    declared: [...inspection.propNames(control)],
  };
  if (node.p.key !== undefined) result.key = String(node.p.key);
  const clientProps = inspection.clientProps(control);
  if (clientProps.length) result.clientProps = [...clientProps];
  const options = propOptions(node.t, result.declared!);
  if (options) result.options = options;
  const hooks = inspection.hooks(control);
  if (hooks) {
    result.hooks = hooks.map((h, index): HookInfo => ({ index, kind: h.kind, editable: h.kind === "state", ...("value" in h ? { value: inspectValue(h.value, inspection) } : {}) }));
  }
  return result;
}
