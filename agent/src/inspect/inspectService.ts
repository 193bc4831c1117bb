import type { HookEvent, WeftHook, WeftInspection } from "weft";
import type { PropValue, WireNode } from "@weft/protocol";
import type {
  DeadSession,
  InspectClientMessage,
  InspectRequest,
  InspectResult,
  MessageResult,
  MessageRow,
  PostMortemResult,
  ServerMessage,
  SessionError,
  SessionInfo,
} from "@weft/protocol/channel";
import { ChainTracker, chainDefaults, type ChainLimits } from "./causalChains.ts";
import { evaluate } from "./evaluate.ts";
import { errorInfo } from "../values.ts";
import { SessionHistory, historyDefaults, type HistoryLimits } from "./sessionHistory.ts";
import { labelOf } from "./summary.ts";

/** Every bound of the inspector's memory, in one place. */
export interface InspectLimits {
  history: HistoryLimits;
  chains: ChainLimits;
  /** Errors kept per session. */
  errors: number;
  /** Ended sessions kept for a post-mortem. */
  deadSessions: number;
  /** How long pick mode waits for a click in the tab. */
  pickTimeoutMs: number;
}

export const inspectDefaults: InspectLimits = {
  history: historyDefaults,
  chains: chainDefaults,
  errors: 50,
  deadSessions: 20,
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
  limits?: Partial<InspectLimits>;
}

/** What the hub knows about the tool that asked. */
export interface ToolInfo {
  /** The tool connected from this machine (eval is refused otherwise). */
  loopback: boolean;
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

interface Dead {
  info: DeadSession;
  root: PostMortemResult["root"];
  errors: SessionError[];
  history: SessionHistory;
  frames: MessageResult[];
}

/**
 * The inspector's half of the agent: time-travel history, causal chains, errors and post-mortems
 * per session, and the requests that act on the app (set a prop, evaluate, highlight, pick).
 * The agent feeds it every hook event; the hub hands it the inspector's messages.
 */
export function createInspectService(options: InspectServiceOptions): InspectService {
  const limits: InspectLimits = { ...inspectDefaults, ...options.limits };
  const { hook, emit } = options;
  const inspection: WeftInspection = hook.inspection!;
  const tracked = new Map<string, Tracked>();
  const dead = new Map<string, Dead>();
  /** callIds of `invoke`s the picker made, per session: their frames are the tool's. */
  const toolCalls = new Map<string, Set<number>>();
  let invokingFor: string | null = null;

  const now = () => performance.timeOrigin + performance.now();
  const labelIn = (sessionId: string, id: number): string => {
    const control = inspection.control(sessionId, id);
    if (control) return labelOf(inspection.typeName(control), id, inspection.node(control).p.key);
    return tracked.get(sessionId)?.history.current?.label(id) ?? `#${id}`;
  };
  const chains = new ChainTracker((chain) => emit({ type: "chain", chain }), labelIn, limits.chains);

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

  const retire = (sessionId: string, reason: string) => {
    const t = tracked.get(sessionId);
    if (!t) return;
    tracked.delete(sessionId);
    toolCalls.delete(sessionId);
    chains.forget(sessionId);
    const info: DeadSession = { ...t.info, state: "closed", closedAt: Date.now(), reason, errors: t.errors.length };
    const record: Dead = { info, root: t.history.current?.toTree() ?? null, errors: t.errors, history: t.history, frames: options.frames(sessionId).slice() };
    dead.set(sessionId, record);
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
        inspection.setProp(request.sessionId, control, request.name, value); // NOT_A_PROP names the props it has
        return { id: request.id, name: request.name };
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
        if (sessionId !== null) inspection.flush(sessionId); // what the expression changed goes to the tab
        return result;
      }
      case "get-history": {
        const history = tracked.get(request.sessionId)?.history ?? dead.get(request.sessionId)?.history;
        if (!history) throw new RequestFailure("NOT_FOUND", `no session ${request.sessionId}`);
        return history.at(request.sessionId, request.seq);
      }
      case "get-rows": {
        const frames = tracked.has(request.sessionId) ? options.frames(request.sessionId) : dead.get(request.sessionId)?.frames;
        if (!frames) throw new RequestFailure("NOT_FOUND", `no session ${request.sessionId}`);
        return { sessionId: request.sessionId, rows: frames.map((f) => f.row) };
      }
      case "get-chains":
        return { sessionId: request.sessionId, chains: chains.recent(request.sessionId) };
      case "get-dead-sessions":
        return { sessions: [...dead.values()].map((d) => d.info) };
      case "get-postmortem": {
        const live = tracked.get(request.sessionId);
        if (live) {
          refresh(request.sessionId);
          return { session: live.info, dead: false, errors: live.errors.slice(), root: live.history.current?.toTree() ?? null };
        }
        const d = dead.get(request.sessionId);
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
          chains.patch(event.sessionId, event.ops, frame); // first: names removed controls from the history
          t.history.patch(frame?.seq ?? t.lastOut?.seq ?? 0, event.ops);
          const pageId = inspection.root(event.sessionId)?.id;
          if (event.ops.some((op) => op.op === "set" && op.id === pageId)) refresh(event.sessionId); // route, title
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
          t.errors.push({ where: event.where, error: errorInfo(event.error), at: now() });
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
      return dead.get(sessionId)?.frames.find((f) => f.row.seq === seq) ?? null;
    },

    dispose() {
      tracked.clear();
      dead.clear();
      toolCalls.clear();
    },
  };
}

class RequestFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
