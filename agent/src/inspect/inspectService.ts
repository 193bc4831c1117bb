import type { HookEvent, WeftHook, WeftInspection } from "weft";
import type { Recording } from "weft/testing";
import type { PropValue, WireNode } from "@weft/protocol";
import {
  controlLabel,
  type DeadSession,
  type InspectClientMessage,
  type InspectRequest,
  type InspectResult,
  type MessageResult,
  type MessageRow,
  type ServerMessage,
  type SessionError,
  type SessionInfo,
} from "@weft/protocol/channel";
import { ChainTracker, chainDefaults, type ChainCause, type ChainLimits, type DescribeSet } from "./causalChains.ts";
import { describeWhere } from "./describeWhere.ts";
import { evaluate } from "./evaluate.ts";
import { exportRecording } from "./exportRecording.ts";
import { recordedSession, type EndedSession } from "./recordedSession.ts";
import { errorInfo } from "../values.ts";
import { wallTime } from "../time.ts";
import { SessionHistory, historyDefaults, type HistoryLimits } from "./sessionHistory.ts";

/** Every bound of the inspector's memory, in one place. */
export interface InspectLimits {
  history: HistoryLimits;
  chains: ChainLimits;
  /** Errors kept per session. */
  errors: number;
  /** Ended sessions kept for a post-mortem. */
  deadSessions: number;
  /** Recordings opened in the inspector, kept besides them. */
  recordings: number;
  /** How long pick mode waits for a click in the tab. */
  pickTimeoutMs: number;
}

export const inspectDefaults: InspectLimits = {
  history: historyDefaults,
  chains: chainDefaults,
  errors: 50,
  deadSessions: 20,
  recordings: 10,
  pickTimeoutMs: 10 * 60_000,
};

export interface InspectServiceOptions {
  /** The runtime's hook; sessions and controls are read through its `inspection`. */
  hook: WeftHook;
  /** Where the service's own messages go (`chain`, `picked`, `session-dead`): the hub. */
  emit(message: ServerMessage): void;
  /** The channel's view of a live session (the agent's). */
  sessionInfo(sessionId: string): SessionInfo | undefined;
  /** The frames the agent still keeps for a session. */
  frames(sessionId: string): readonly MessageResult[];
  /** The app's entry module, named in an exported recording's header. */
  app?: string;
  limits?: Partial<InspectLimits>;
}

/** What the hub knows about the tool that asked. */
export interface ToolInfo {
  /** The tool connected from this machine (eval is refused otherwise). */
  loopback: boolean;
}

/** A cause of patches other than a browser event, while it runs (`end` with what it turned out to be). */
export interface CauseWindow {
  end(label?: string): void;
}

export interface InspectService {
  /** Marks frames the devtools caused (picker calls, timings) before the agent sends their row. */
  isToolFrame(event: Extract<HookEvent, { type: "message" }>): boolean;
  /** Every hook event, after the agent made its row for a message (`session-close`: before). */
  observe(event: HookEvent, row?: MessageRow): void;
  /** A tool's inspector message; answers (if it is a request) through `reply`. */
  handle(message: InspectClientMessage, reply: (message: ServerMessage) => void, tool: ToolInfo): void;
  /** A frame of an ended session, for `get-message` after the agent forgot it. */
  deadFrame(sessionId: string, seq: number): MessageResult | null;
  /** `Button#inc`, `Text@8`: a control of a live session, or of its last known tree. */
  labelIn(sessionId: string, id: number): string;
  /** What caused the patch being sent to the session now, when it was no browser event (`swap`, `edit …`). */
  causeOf(sessionId: string): string | undefined;
  /**
   * Patches of every live session from now until `end` are caused by `kind` (a hot swap: the
   * devserver calls this around it), each session's with a chain of its own.
   */
  beginCause(kind: ChainCause["kind"], label: string): CauseWindow;
  /**
   * A recording as an ended session (`weft inspect`, a file dropped on the inspector): listed with
   * the post-mortems, with its tree at every step, messages and chains. Returns it as listed.
   */
  openRecording(recording: Recording): DeadSession;
  dispose(): void;
}

interface Tracked {
  /** As last seen: what the post-mortem says of it once it closed (the runtime forgets it then). */
  info: SessionInfo;
  history: SessionHistory;
  errors: SessionError[];
  /** The last frame sent to the tab, for the patch that follows it. */
  lastOut: { seq: number; bytes: number; kind: string } | null;
}

/**
 * The inspector's half of the agent: time-travel history, causal chains, errors and post-mortems
 * per session, recordings opened for inspection, and the requests that act on the app (set a
 * prop or a hook, evaluate, highlight, pick) or read it (history, a subtree, an export).
 * The agent feeds it every hook event; the hub hands it the inspector's messages.
 */
export function createInspectService(options: InspectServiceOptions): InspectService {
  const limits: InspectLimits = { ...inspectDefaults, ...options.limits };
  const { hook, emit } = options;
  const inspection: WeftInspection = hook.inspection!;
  const tracked = new Map<string, Tracked>();
  const dead = new Map<string, EndedSession>();
  const recordings = new Map<string, EndedSession>();
  /** callIds of `invoke`s the picker made, per session: their frames are the tool's. */
  const toolCalls = new Map<string, Set<number>>();
  let invokingFor: string | null = null;
  let recordingCount = 0;

  const now = () => wallTime();
  const labelIn = (sessionId: string, id: number): string => {
    const control = inspection.control(sessionId, id);
    if (control) return controlLabel(inspection.typeName(control), id, inspection.node(control).p.key);
    return tracked.get(sessionId)?.history.current?.label(id) ?? controlLabel("control", id);
  };
  const chains = new ChainTracker((chain, roundTripOnly) => emit(roundTripOnly ? { type: "chain", chain, roundTripOnly } : { type: "chain", chain }), labelIn, limits.chains);
  const ended = (sessionId: string) => dead.get(sessionId) ?? recordings.get(sessionId);

  const track = (sessionId: string): Tracked | undefined => {
    let t = tracked.get(sessionId);
    if (t) return t;
    const info = options.sessionInfo(sessionId);
    if (!info) return undefined;
    tracked.set(sessionId, (t = { info, history: new SessionHistory(limits.history), errors: [], lastOut: null }));
    return t;
  };
  /** Reads the session's state, route and title again (they change; the runtime forgets them at close). */
  const refresh = (sessionId: string) => {
    const t = tracked.get(sessionId);
    const info = t && options.sessionInfo(sessionId);
    if (t && info) t.info = info;
  };
  // Sessions alive before we attached: their history starts from the tree as it is now.
  for (const session of inspection.sessions()) {
    const t = track(session.id);
    const root = inspection.root(session.id);
    if (t && root && session.crashed === null) t.history.page(0, inspection.tree(root));
  }

  const invokeAsTool = (sessionId: string, method: string, args: PropValue[], timeoutMs: number) => {
    invokingFor = sessionId;
    try {
      return inspection.invoke(sessionId, method, args, timeoutMs);
    } finally {
      invokingFor = null;
    }
  };

  /** Runs `fn` with the session's patches caused by `cause`; the window stays open until `fn` settles and renders ran. */
  const causing = async <T>(sessionId: string, cause: ChainCause, fn: () => T | Promise<T>): Promise<T> => {
    chains.begin(sessionId, cause, now());
    try {
      const result = await fn();
      // A component's state change renders on a microtask, then flushes: wait for it.
      await null;
      await null;
      return result;
    } finally {
      chains.end(sessionId);
    }
  };

  const retire = (sessionId: string, reason: string) => {
    const t = tracked.get(sessionId);
    if (!t) return;
    tracked.delete(sessionId);
    toolCalls.delete(sessionId);
    chains.end(sessionId);
    const kept = chains.recent(sessionId);
    chains.forget(sessionId);
    const info: DeadSession = { ...t.info, state: "closed", closedAt: Date.now(), reason, errors: t.errors.length };
    delete info.leaving;
    dead.set(sessionId, { info, root: t.history.current?.toTree() ?? null, errors: t.errors, history: t.history, frames: options.frames(sessionId).slice(), chains: kept });
    while (dead.size > limits.deadSessions) dead.delete(dead.keys().next().value!);
    emit({ type: "session-dead", session: info });
  };

  const answer = async (request: InspectRequest, tool: ToolInfo): Promise<InspectResult["result"]> => {
    switch (request.type) {
      case "set-prop": {
        const control = inspection.control(request.sessionId, request.id);
        if (!control) throw new RequestFailure("NOT_FOUND", `no control ${request.id} in session ${request.sessionId}`);
        const value = request.value;
        if (value !== null && typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
          throw new RequestFailure("BAD_VALUE", `a prop edited in the inspector is a string, a number, a boolean or null, not ${typeof value}`);
        }
        const label = labelIn(request.sessionId, request.id);
        const cause: ChainCause = { kind: "edit", id: request.id, label: `${value === null ? "unset" : "set"} ${request.name}` };
        if (request.as === "user" && inspection.clientProps(control).includes(request.name)) {
          const ran = await causing(request.sessionId, cause, () => inspection.changeAsUser(request.sessionId, control, request.name, value));
          if (ran) return { id: request.id, name: request.name, ran: "onChange" };
          const why = control.disabled ? `${label} is disabled` : `${label} has no onChange`;
          return { id: request.id, name: request.name, ran: null, note: `${why}: the value changed, no handler ran` };
        }
        // NOT_A_PROP names the props it has.
        await causing(request.sessionId, cause, () => inspection.setProp(request.sessionId, control, request.name, value));
        return { id: request.id, name: request.name };
      }
      case "set-hook": {
        const control = inspection.control(request.sessionId, request.id);
        if (!control) throw new RequestFailure("NOT_FOUND", `no control ${request.id} in session ${request.sessionId}`);
        const cause: ChainCause = { kind: "edit", id: request.id, label: `set hook ${request.index + 1}` };
        await causing(request.sessionId, cause, () => inspection.setHookState(request.sessionId, control, request.index, request.value)); // NOT_A_HOOK
        return { id: request.id, index: request.index };
      }
      case "get-subtree": {
        const control = inspection.control(request.sessionId, request.id);
        if (control) return { sessionId: request.sessionId, id: request.id, root: inspection.tree(control) };
        // An ended (or recorded) session: its last tree, from the history.
        const history = tracked.get(request.sessionId)?.history ?? ended(request.sessionId)?.history;
        const root = history?.current?.toWire(request.id);
        if (!root) throw new RequestFailure("NOT_FOUND", `no control ${request.id} in session ${request.sessionId}`);
        return { sessionId: request.sessionId, id: request.id, root };
      }
      case "get-swaps":
        throw new RequestFailure("UNKNOWN_REQUEST", "get-swaps is the devserver's, not the agent's");
      case "export-recording": {
        const live = tracked.get(request.sessionId);
        const source = live
          ? { info: (refresh(request.sessionId), live.info), frames: options.frames(request.sessionId), history: live.history }
          : ended(request.sessionId);
        if (!source) throw new RequestFailure("NOT_FOUND", `no session ${request.sessionId} is kept`);
        const app = "recording" in source.info && source.info.recording ? source.info.recording.app : (options.app ?? "app.ts");
        return exportRecording({ info: source.info, frames: source.frames, history: source.history, app });
      }
      case "eval": {
        if (!tool.loopback) throw new RequestFailure("LOOPBACK_ONLY", "the console runs code in the app's process: only a tool on this machine may use it");
        const sessionId = request.sessionId;
        const session = sessionId === null ? undefined : inspection.session(sessionId);
        if (sessionId !== null && !session) throw new RequestFailure("NOT_FOUND", `no live session ${sessionId}`);
        const selected = sessionId === null || request.selected == null ? undefined : inspection.control(sessionId, request.selected);
        const result = await evaluate(request.expression, {
          inspection,
          scope: { $page: sessionId === null ? undefined : inspection.root(sessionId), $sel: selected, $session: session, $sessions: [...hook.sessions], $hook: hook },
        });
        // What the expression changed goes to the tab, as the console's doing.
        if (sessionId !== null) {
          const pageId = inspection.root(sessionId)?.id ?? 0;
          await causing(sessionId, { kind: "console", id: selected?.id ?? pageId, label: oneLine(request.expression) }, () => inspection.flush(sessionId));
        }
        return result;
      }
      case "get-history": {
        const history = tracked.get(request.sessionId)?.history ?? ended(request.sessionId)?.history;
        if (!history) throw new RequestFailure("NOT_FOUND", `no session ${request.sessionId}`);
        return history.at(request.sessionId, request.seq);
      }
      case "get-rows": {
        const frames = tracked.has(request.sessionId) ? options.frames(request.sessionId) : ended(request.sessionId)?.frames;
        if (!frames) throw new RequestFailure("NOT_FOUND", `no session ${request.sessionId}`);
        const from = typeof request.fromSeq === "number" ? request.fromSeq : -Infinity;
        const to = typeof request.toSeq === "number" ? request.toSeq : Infinity;
        const rows = [];
        for (const f of frames) if (f.row.seq >= from && f.row.seq <= to) rows.push(f.row);
        return { sessionId: request.sessionId, rows };
      }
      case "get-chains":
        return { sessionId: request.sessionId, chains: tracked.has(request.sessionId) ? chains.recent(request.sessionId) : (ended(request.sessionId)?.chains.slice() ?? []) };
      case "get-dead-sessions":
        return { sessions: [...dead.values(), ...recordings.values()].map((d) => d.info) };
      case "get-postmortem": {
        const live = tracked.get(request.sessionId);
        if (live) {
          refresh(request.sessionId);
          return { session: live.info, dead: false, errors: live.errors.slice(), root: live.history.current?.toTree() ?? null };
        }
        const d = ended(request.sessionId);
        if (!d) throw new RequestFailure("NOT_FOUND", `no session ${request.sessionId} (ended sessions are kept ${limits.deadSessions} at most)`);
        return { session: d.info, dead: true, errors: d.errors.slice(), root: d.root };
      }
      default: {
        const unknown: never = request;
        throw new RequestFailure("UNKNOWN_REQUEST", `unknown request '${(unknown as { type: string }).type}'`);
      }
    }
  };

  return {
    isToolFrame(event) {
      if (event.direction === "out") {
        if (invokingFor !== event.sessionId) return false;
        const callId = /"callId":(\d+)/.exec(event.text)?.[1];
        if (callId === undefined) return false;
        let calls = toolCalls.get(event.sessionId);
        if (!calls) toolCalls.set(event.sessionId, (calls = new Set()));
        calls.add(Number(callId));
        return true;
      }
      if (event.text.startsWith('{"type":"timing"')) return true;
      if (!event.text.startsWith('{"type":"reply"')) return false;
      const callId = /"callId":(\d+)/.exec(event.text)?.[1];
      return callId !== undefined && toolCalls.get(event.sessionId)?.delete(Number(callId)) === true;
    },

    observe(event, row) {
      switch (event.type) {
        case "session-open":
          track(event.session.id);
          return;
        case "connect":
        case "disconnect":
          refresh(event.sessionId);
          return;
        case "session-close":
          retire(event.sessionId, event.reason);
          return;
        case "message": {
          const t = tracked.get(event.sessionId);
          if (!t || !row) return;
          t.history.noteMessage(row.seq);
          if (event.direction === "out") {
            t.lastOut = { seq: row.seq, bytes: row.bytes, kind: row.kind };
            if (row.kind === "registered") {
              try {
                const page = (JSON.parse(event.text) as { page?: WireNode }).page;
                if (page) t.history.page(row.seq, page);
              } catch {
                // not JSON: the session sent nothing a tab could show either
              }
            }
          } else if (row.kind === "event") {
            chains.event(event.sessionId, row.seq, row.at, event.text);
          }
          return;
        }
        case "patch": {
          const t = tracked.get(event.sessionId);
          if (!t) return;
          const frame = event.sent && t.lastOut?.kind === "patch" ? t.lastOut : null;
          // First: the chain names removed controls and reads values before, from the history's tree.
          const mirror = t.history.current;
          const describe: DescribeSet | undefined = mirror
            ? (op) => {
                const change = mirror.describe(op);
                return change.op === "set" ? change.props : [];
              }
            : undefined;
          chains.patch(event.sessionId, event.ops, frame, describe);
          t.history.patch(frame?.seq ?? t.lastOut?.seq ?? 0, event.ops);
          const pageId = inspection.root(event.sessionId)?.id;
          for (const op of event.ops) {
            if (op.op === "set" && op.id === pageId) {
              refresh(event.sessionId); // route, title
              break;
            }
          }
          return;
        }
        case "handler":
          chains.handler(event.sessionId, event.id, event.event, event.ms, event.syncMs, event.error === undefined ? undefined : errorInfo(event.error).message);
          return;
        case "timing":
          chains.timing(event.sessionId, event.seq, event.ms);
          return;
        case "error": {
          const t = tracked.get(event.sessionId);
          if (!t) return;
          const { where } = describeWhere(event.where, (id) => labelIn(event.sessionId, id));
          t.errors.push({ where, error: errorInfo(event.error), at: now() });
          if (t.errors.length > limits.errors) t.errors.shift();
          if (event.where === "main") refresh(event.sessionId); // crashed
          return;
        }
        default:
          return;
      }
    },

    handle(message, reply, tool) {
      if (message.type === "highlight" || message.type === "pick") {
        const { sessionId } = message;
        if (inspection.describeSession(sessionId)?.state !== "connected") {
          if (message.type === "pick" && message.on) emit({ type: "picked", sessionId, id: null });
          return;
        }
        // The tab's answer to a highlight says nothing worth showing; a failed one (the tab went away) is logged.
        const logFailure = (what: string) => (err: unknown) => console.error(`weft agent: ${what} in session ${sessionId} failed: ${errorInfo(err).message}`);
        if (message.type === "highlight") {
          const args: PropValue[] = message.id === null ? [null] : [message.id, labelIn(sessionId, message.id)];
          invokeAsTool(sessionId, "devtools.highlight", args, 5_000).catch(logFailure("highlighting a control"));
        } else if (message.on) {
          invokeAsTool(sessionId, "devtools.pick", [true], limits.pickTimeoutMs).then(
            (id) => emit({ type: "picked", sessionId, id: typeof id === "number" ? id : null }),
            () => emit({ type: "picked", sessionId, id: null }),
          );
        } else {
          invokeAsTool(sessionId, "devtools.pick", [false], 5_000).catch(logFailure("ending pick mode"));
        }
        return;
      }
      answer(message, tool).then(
        (result) => reply({ type: "result", requestId: message.requestId, of: message.type, result } as InspectResult),
        (err: unknown) => {
          // A WeftError's code (NOT_A_PROP…) is the failure's.
          const code = err instanceof RequestFailure ? err.code : typeof (err as { code?: unknown })?.code === "string" ? (err as { code: string }).code : "FAILED";
          const failure = err instanceof RequestFailure ? err : new RequestFailure(code, errorInfo(err).message);
          reply({ type: "failure", requestId: message.requestId, code: failure.code, message: failure.message });
        },
      );
    },

    deadFrame(sessionId, seq) {
      return ended(sessionId)?.frames.find((f) => f.row.seq === seq) ?? null;
    },

    labelIn,

    causeOf: (sessionId) => chains.causeOf(sessionId),

    beginCause(kind, label) {
      const at = now();
      const sessions = [...tracked.keys()];
      for (const sessionId of sessions) chains.begin(sessionId, { kind, label, id: inspection.root(sessionId)?.id ?? 0 }, at);
      let open = true;
      return {
        end(final) {
          if (!open) return;
          open = false;
          for (const sessionId of sessions) chains.end(sessionId, final);
        },
      };
    },

    openRecording(recording) {
      const id = `rec${++recordingCount}-${recording.header.sessionId}`;
      const session = recordedSession(recording, id);
      recordings.set(id, session);
      while (recordings.size > limits.recordings) recordings.delete(recordings.keys().next().value!);
      emit({ type: "session-dead", session: session.info });
      return session.info;
    },

    dispose() {
      tracked.clear();
      dead.clear();
      recordings.clear();
      toolCalls.clear();
    },
  };
}

/** An expression on one line, cut to what a chain's title can hold. */
function oneLine(expression: string): string {
  const line = expression.replace(/\s+/g, " ").trim();
  return line.length > 80 ? line.slice(0, 79) + "…" : line;
}

class RequestFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
