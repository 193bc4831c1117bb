/**
 * The weft devtools channel: one WebSocket between the devserver and each tool that watches the
 * app (the inspector, the VS Code extension). This module imports neither Node nor the DOM, so
 * both ends take their types from here. docs/channel.md is the prose version.
 *
 * Every frame is a JSON array of messages (one frame per microtask per side, see Channel). Each
 * message is an object keyed on `type`. Each side sends `hello` with its version first.
 *
 * Version history (bump on every breaking change, and say what broke):
 *   1 — first version: sessions, tree/tree-ops (structure only; props on request), message rows
 *       (text on request), handler timings, blocked, errors, app output, swap reports, build
 *       errors, stats. Added since, without a bump (an older devserver answers `failure`
 *       UNKNOWN_REQUEST, or ignores a `watch` field it does not know): `watch`'s `compact`
 *       (rows and chains as `rows`/`chains` of tuples, compact.ts) and `handlers` (handler
 *       timings only to a tool that asks), `roundTrips` (a chain's second copy as its round trip
 *       alone), `thin` (a busy frame's older rows as a `skipped` range; `get-rows`' `fromSeq`
 *       and `toSeq` to fetch them), `hello`'s `batchMs`; `get-source` and `get-controls-at` (source locations, for "reveal in
 *       editor" and "select the control at the cursor"). The inspector's part
 *       (inspectMessages.ts): `set-prop`, `eval`, `get-history`, `get-rows`, `get-chains`,
 *       `get-dead-sessions`, `get-postmortem`, `highlight`, `pick` → `chain`, `picked`,
 *       `session-dead`; tree nodes' summary `s`; message rows' `tool` flag.
 */
import type { InspectClientMessage, InspectRequest, InspectResult, InspectServerMessage } from "./inspectMessages.ts";
import type { InsertOpOf, MoveOp, RemoveOp } from "../app/messages.ts";
import type { SwapReport } from "./swapReport.ts";
import type { CompactMessage } from "./compact.ts";

export const CHANNEL_VERSION = 1;

// ---------------------------------------------------------------- shared shapes

export interface SessionInfo {
  id: string;
  /** `connected`: a tab is attached; `resuming`: its tab went away and may come back. */
  state: "connected" | "resuming" | "closed";
  route: string;
  title?: string;
  userAgent?: string;
  clientIp: string;
  /** `Date.now()` when the session opened. */
  createdAt: number;
  /** Set when the session's `main` threw. */
  crashed?: string;
  /**
   * A short number per devserver, from 1 in the order sessions opened: what tells five tabs of
   * one app apart at a glance (`#3 Todos /active`).
   */
  index?: number;
  /** The tab said goodbye (it was closed or navigated away): the session ends soon unless it comes back (a refresh). */
  leaving?: boolean;
}

/**
 * One control in the inspector's tree: structure only. `t` is the drawn type (`Row`), `n` the
 * class or component name when it differs (`TodoItem`), `k` the key. Props come with `get-props`.
 */
export interface TreeNode {
  i: number;
  t: string;
  n?: string;
  k?: string;
  /** A short text of the control's main prop (`"Hello"` for a Text): what the tree row shows. */
  s?: string;
  /** 1: `visible: false` (drawn by nobody, kept in the tree). */
  x?: 1;
  /** 1: the control has handlers. */
  e?: 1;
  c?: Record<string, TreeNode[]>;
}

/**
 * The structural part of a runtime patch, with `set` reduced to "this node's props changed" and
 * carrying the new key and summary when they changed (`null`: gone). `insert`, `remove` and `move`
 * mean what they mean in the app protocol (docs/protocol.md) and are applied by the same rules
 * (`applyTreeOp`).
 */
export interface TreeSetOp {
  op: "set";
  id: number;
  k?: string | null;
  s?: string | null;
  /** Present when `visible` changed: true when it is now hidden. */
  x?: boolean;
  /** Present when its handlers changed: whether it has any now. */
  e?: boolean;
}
export type TreeInsertOp = InsertOpOf<TreeNode>;
export type TreeOp = TreeSetOp | TreeInsertOp | RemoveOp | MoveOp;

/** An error as the channel carries it. `file`/`line`/`column` (1-based) and `frame` when known. */
export interface ErrorInfo {
  name: string;
  message: string;
  stack?: string;
  /** A stable code (`WeftError`'s, or a parser's like `PARSE_ERROR`). */
  code?: string;
  file?: string;
  line?: number;
  column?: number;
  /** Source lines around the location with a caret, as a terminal would show them. */
  frame?: string;
}

/** One protocol frame between a browser tab and its session; the text comes with `get-message`. */
export interface MessageRow {
  sessionId: string;
  /** Counts up per session from 1. */
  seq: number;
  /** `in`: browser → server; `out`: server → browser. */
  direction: "in" | "out";
  /** The protocol message's `type` (`event`, `patch`…). */
  kind: string;
  bytes: number;
  /** `Date.now()`-based, with sub-millisecond precision. */
  at: number;
  /** For a patch: how many ops. */
  ops?: number;
  /** The first characters of the frame. */
  preview: string;
  /** The frame is the devtools' own (a picker call and its reply, a timing report). */
  tool?: boolean;
  /**
   * For a patch no browser event caused: what did (`swap #3`, `edit Text#count.value`,
   * `console`), as the chain of that cause says it.
   */
  cause?: string;
}

export interface PropsResult {
  sessionId: string;
  id: number;
  type: string;
  name: string;
  key?: string;
  props: Record<string, unknown>;
  handlers: string[];
  /** The app's own fields of the control (class fields, `data`), each as a short preview. */
  fields: Record<string, string>;
  parent: number | null;
  slot: string | null;
  /** The same fields as values a tool can unfold (controls as links), when the devserver sends them. */
  fieldValues?: Record<string, InspectedValue>;
  /** A component's hooks in call order (React DevTools' "hooks" section), when it is one. */
  hooks?: HookInfo[];
  /** Props the browser itself changes (a checkbox's `value`): editing one can act as the user would. */
  clientProps?: string[];
  /** Props that take one of a few words (`textAlign`): the words, for a select. */
  options?: Record<string, string[]>;
  /** Every prop the class declares (set or not), in order. */
  declared?: string[];
}

/**
 * A value of the app's as a tool shows it: JSON as it is, with what JSON cannot say marked by a
 * `$weft` key: a control (a link), a function, `undefined`, a class instance, a Map or Set, a
 * list or object cut short, a cycle. Bounded in depth and size by the devserver.
 */
export type InspectedValue =
  | null
  | boolean
  | number
  | string
  | InspectedValue[]
  | { [key: string]: InspectedValue }
  | { $weft: "control"; id: number; label: string }
  | { $weft: "function"; name: string }
  | { $weft: "undefined" }
  | { $weft: "bigint" | "symbol" | "date" | "error" | "other"; text: string }
  | { $weft: "instance"; name: string; fields: Record<string, InspectedValue> }
  | { $weft: "map"; entries: [InspectedValue, InspectedValue][]; size: number }
  | { $weft: "set"; values: InspectedValue[]; size: number }
  /** An array or object longer than shown: `items`/`keys` of `count` are there. */
  | { $weft: "more"; count: number; shown: InspectedValue[] | Record<string, InspectedValue> }
  | { $weft: "cycle" }
  | { $weft: "deep"; preview: string };

/** One hook of a component, in call order. */
export interface HookInfo {
  /** Its place in the call order (0-based): what `set-hook` names. */
  index: number;
  kind: "state" | "ref" | "memo" | "effect" | "context";
  /** The state, the ref's `current`, the memo's value (effects and contexts have none). */
  value?: InspectedValue;
  /** Only state hooks can be set from a tool. */
  editable: boolean;
}

export interface MessageResult {
  row: MessageRow;
  text: string;
}

/** A place in the app's source: an absolute path, 1-based line and column. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** Where a control was created, or (with `event`) where its handler is defined. */
export interface SourceResult {
  sessionId: string;
  id: number;
  event?: string;
  location: SourceLocation;
}

/** The controls of a session created on a line of a file (the editor's cursor). */
export interface ControlsAtResult {
  sessionId: string;
  /** In tree order; empty when none. */
  ids: number[];
  /** The line they were created on: the asked one, or the nearest one above it. */
  line: number | null;
}

export interface StatsResult {
  pid: number;
  uptimeMs: number;
  /** After a garbage collection when the process runs with --expose-gc. */
  heapUsed: number;
  rss: number;
  /** `process.getActiveResourcesInfo()` counted by kind (Timeout, TCPSocketWrap…). */
  activeResources: Record<string, number>;
  sessions: number;
  swaps: number;
  channelClients: number;
}

// ---------------------------------------------------------------- devserver → tool

export interface HelloFromServer {
  type: "hello";
  version: number;
  /** `url` is empty for a recording viewer (`weft inspect`): there is no app to open. */
  app: { entry: string; url: string; root: string };
  pid: number;
  startedAt: number;
  /** A `weft inspect` server: no app runs, its sessions are recordings. */
  viewer?: boolean;
}

/** Every live session, after `hello`. */
export interface SessionsMessage {
  type: "sessions";
  sessions: SessionInfo[];
}

export interface SessionOpenMessage {
  type: "session-open";
  session: SessionInfo;
}

/** Connected, disconnected, crashed, moved to another route. */
export interface SessionUpdateMessage {
  type: "session-update";
  session: SessionInfo;
}

export interface SessionCloseMessage {
  type: "session-close";
  sessionId: string;
  reason: string;
}

/** The whole tree of a watched session (answer to `watch`). */
export interface TreeMessage {
  type: "tree";
  sessionId: string;
  root: TreeNode;
}

/** Changes to a watched session's tree, in order. */
export interface TreeOpsMessage {
  type: "tree-ops";
  sessionId: string;
  ops: TreeOp[];
}

/** A protocol frame of a session watched with `messages: true`. */
export interface MessageRowMessage {
  type: "message";
  row: MessageRow;
}

/** A handler ran: how long it held the event loop (`syncMs`) and until it settled (`ms`). */
export interface HandlerMessage {
  type: "handler";
  sessionId: string;
  id: number;
  event: string;
  syncMs: number;
  ms: number;
  at: number;
  error?: ErrorInfo;
}

/** A handler or main held the event loop past the warning threshold. */
export interface BlockedMessage {
  type: "blocked";
  sessionId: string;
  id: number | null;
  event: string;
  ms: number;
  at: number;
}

/** An error in the app or in weft (`where` says in what: `main`, `onClick of Button#inc`, `swap`…). */
export interface ErrorReportMessage {
  type: "error";
  sessionId?: string;
  where: string;
  error: ErrorInfo;
  at: number;
  /** The control it happened in, when there is one (a handler's, a component's). */
  id?: number;
}

/** What the app (and weft) printed. */
export interface LogMessage {
  type: "log";
  stream: "stdout" | "stderr";
  text: string;
  at: number;
}

export interface SwapMessage {
  type: "swap";
  report: SwapReport;
}

/** A save that could not be taken: the old code keeps serving until the next good save. */
export interface BuildErrorMessage {
  type: "build-error";
  files: string[];
  error: ErrorInfo;
  at: number;
}

/** The last build error is gone. */
export interface BuildOkMessage {
  type: "build-ok";
  at: number;
}

/** A request could not be answered; `code` is stable (`UNKNOWN_REQUEST`, `UNKNOWN_SESSION`…). */
export interface FailureMessage {
  type: "failure";
  requestId: number;
  code: string;
  message: string;
}

/** The tool read too slowly: this many low-priority messages (rows, timings, output) were dropped. */
export interface DroppedMessage {
  type: "dropped";
  count: number;
}

export type ServerMessage =
  | HelloFromServer
  | SessionsMessage
  | SessionOpenMessage
  | SessionUpdateMessage
  | SessionCloseMessage
  | TreeMessage
  | TreeOpsMessage
  | MessageRowMessage
  | HandlerMessage
  | BlockedMessage
  | ErrorReportMessage
  | LogMessage
  | SwapMessage
  | BuildErrorMessage
  | BuildOkMessage
  | ResultMessage
  | FailureMessage
  | DroppedMessage
  | InspectServerMessage
  | CompactMessage;

/** The server message of type `T` (`ServerMessageOf<"tree">` is `TreeMessage`): for code generic over the type. */
export type ServerMessageOf<T extends ServerMessage["type"]> = Extract<ServerMessage, { type: T }>;

/** The answer to request `of`. */
export interface Result<Of extends string, R> {
  type: "result";
  requestId: number;
  of: Of;
  result: R;
}

export type ResultMessage =
  | Result<"get-props", PropsResult>
  | Result<"get-message", MessageResult>
  | Result<"get-stats", StatsResult>
  | Result<"get-source", SourceResult>
  | Result<"get-controls-at", ControlsAtResult>
  | InspectResult;

// ---------------------------------------------------------------- tool → devserver

export interface HelloFromClient {
  type: "hello";
  version: number;
  /** Who is asking (`inspector`, `vscode`…), for the devserver's log. */
  client: string;
  /**
   * How long the devserver may gather a busy session's traffic into one frame, in ms (default
   * 100; 16–1000). A test or a benchmark asks for 16 to get frames as often as before the window.
   */
  batchMs?: number;
}

/** Start receiving a session's tree (`tree`, then `tree-ops`) and/or its message rows. */
export interface WatchMessage {
  type: "watch";
  sessionId: string;
  tree?: boolean;
  messages?: boolean;
  /** Also its `handler` timings (default false: no tool of weft's shows them; they are one message per app event). */
  handlers?: boolean;
  /**
   * Rows and chains in their compact form (`rows`, `chains`: compact.ts), which
   * `@weft/devtools-client` expands and asks for by itself. An older devserver ignores it.
   */
  compact?: boolean;
  /**
   * With `compact`: a chain sent again only because the tab reported its round trip comes as
   * `[seq, roundTripMs]` in its frame's `chains` message (`roundTrips`, compact.ts) instead of
   * the whole chain again. `@weft/devtools-client` asks for it and merges it into the chain it
   * has. An older devserver ignores it (and sends the whole chain, as before).
   */
  roundTrips?: boolean;
  /**
   * With `compact`: a busy session's rows and chains are thinned. Of the rows of one frame's
   * `rows` message, only the newest `THIN_ROWS_KEPT` (64) come in full; the older ones are said
   * as one range with their counts (`skipped`, compact.ts) and fetched with `get-rows`
   * (`fromSeq`, `toSeq`) when a view needs them; the same for a frame's chains (`get-chains`). A quiet session's frames (a click's reaction) are
   * unchanged. An older devserver ignores it (and sends every row).
   */
  thin?: boolean;
}

export interface UnwatchMessage {
  type: "unwatch";
  sessionId: string;
}

export interface GetPropsRequest {
  type: "get-props";
  requestId: number;
  sessionId: string;
  id: number;
}

export interface GetMessageRequest {
  type: "get-message";
  requestId: number;
  sessionId: string;
  seq: number;
}

export interface GetStatsRequest {
  type: "get-stats";
  requestId: number;
}

/** Where control `id` was created; with `event`, where its handler for that event is defined. */
export interface GetSourceRequest {
  type: "get-source";
  requestId: number;
  sessionId: string;
  id: number;
  event?: string;
}

/** The controls created on `line` (1-based) of `file` (absolute), or on the nearest line above. */
export interface GetControlsAtRequest {
  type: "get-controls-at";
  requestId: number;
  sessionId: string;
  file: string;
  line: number;
}

/** The core requests the hub answers itself; the inspector's go to the agent's inspect service. */
export type RequestMessage = GetPropsRequest | GetMessageRequest | GetStatsRequest | GetSourceRequest | GetControlsAtRequest;

export type ClientMessage = HelloFromClient | WatchMessage | UnwatchMessage | RequestMessage | InspectClientMessage;

/** Every request a tool can send, core and inspector. */
export type AnyRequest = RequestMessage | InspectRequest;

/** Request `T`'s message. */
export type RequestOf<T extends AnyRequest["type"]> = Extract<AnyRequest, { type: T }>;

/** What request `T` is answered with. */
export type ResultOf<T extends AnyRequest["type"]> = Extract<ResultMessage, { of: T }>["result"];

/** The parameters of request `T`: what a tool passes, without `type` and `requestId`. */
export type RequestParams<T extends AnyRequest["type"]> = Omit<RequestOf<T>, "type" | "requestId">;

/**
 * Close codes of the channel (4000–4099: the tool did something the devserver will not accept
 * as it is; retrying the same way fails again).
 */
export const ChannelCloseCode = {
  /** A frame that is not a JSON array of `{ type }` objects, or a message before `hello`. */
  BadFrame: 4000,
  /** The tool speaks another channel version. */
  VersionMismatch: 4001,
  /** A frame above the size limit. */
  TooBig: 4009,
  /** A frame nested deeper than the limit (`channelDefaults.maxDepth`), refused before parsing. */
  TooDeep: 4010,
  /** The devserver is stopping. */
  GoingAway: 1001,
} as const;

/** Messages a slow reader may lose (counted in `dropped`); the tree and reports are never dropped. */
export function isDroppable(message: ServerMessage): boolean {
  return message.type === "message" || message.type === "handler" || message.type === "log" || message.type === "chain";
}
