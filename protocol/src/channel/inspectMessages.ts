/**
 * The inspector's part of the devtools channel (version 1, additive): prop editing, the eval
 * console, time travel, causal chains, the picker and post-mortem sessions. Kept apart from
 * messages.ts so the core schema stays readable; messages.ts folds these into its unions.
 * Like the rest of @weft/protocol, this module imports neither Node nor the DOM.
 *
 * A devserver that predates these answers each request with `failure` UNKNOWN_REQUEST and
 * ignores `highlight`/`pick`: a tool degrades, it does not break.
 */
import type { WireNode } from "../app/messages.ts";
import type { ErrorInfo, MessageRow, Result, SessionInfo, TreeNode } from "./messages.ts";
import type { SwapReport } from "./swapReport.ts";

// ---------------------------------------------------------------- shared shapes

/**
 * One browser event and what followed it, in order: the handler that ran, the controls its
 * updates changed, the patches that went out, and the round trip as the browser saw it (when
 * the tab reports timings; docs/protocol.md "Timings"). Sent as `chain` when the handler
 * finished, and again when the browser's timing arrives.
 */
export interface CausalChain {
  sessionId: string;
  /** The event frame's row `seq` (for a chain with another `cause`: its first patch's row). */
  seq: number;
  /**
   * What started it: a browser event (the default), a hot swap, a prop edited in a tool, or the
   * inspector's console. For those three, `id`/`control` name the control edited (or the page)
   * and `event` says what was done (`swap #3`, `set value`, the expression).
   */
  cause?: "event" | "swap" | "edit" | "console";
  /** The browser's own number for the event (`event.seq`), when it sent one. */
  clientSeq?: number;
  /** The control the event was aimed at, and its name (`Button#inc`). */
  id: number;
  control: string;
  event: string;
  /** `Date.now()`-based, when the frame arrived. */
  at: number;
  handler?: { ms: number; syncMs: number; error?: string };
  /** Controls the event's patches touched, named; at most 50 (`more` counts the rest). */
  changed: ChainChange[];
  more: number;
  /** The patch frames that carried the changes (`seq` null: the tab was away, not sent). */
  patches: { seq: number | null; bytes: number; ops: number }[];
  /** Event sent → first patch after it drawn, in the browser. */
  roundTripMs?: number;
  /** The handler finished (or never ran: the control was gone or disabled). */
  done: boolean;
}

export interface ChainChange {
  id: number;
  label: string;
  op: "set" | "insert" | "remove" | "move";
  /** For `set`: the props that changed. */
  props?: string[];
  /**
   * For `set`: each changed prop with its value before and after ("why did this update",
   * react#16481). Long strings are cut to 200 characters.
   */
  values?: { name: string; before: unknown; after: unknown }[];
  /** For `insert`/`remove`: the parent and its slot (`Column#items.controls`). */
  parent?: string;
}

/** One change of a patch made readable: what a node was before and what it became. */
export type HistoryChange =
  | { op: "set"; id: number; label: string; props: { name: string; before: unknown; after: unknown }[]; handlers?: { before: string[]; after: string[] } }
  | { op: "insert"; id: number; label: string; parent: string; slot: string; nodes: number }
  | { op: "remove"; id: number; label: string; parent: string; slot: string; nodes: number }
  | { op: "move"; id: number; label: string; parent: string; slot: string };

/** The tree of a session as it was after message `seq`, and the patch that came next. */
export interface HistoryResult {
  sessionId: string;
  /** The message the tree is shown after (the asked one, clamped to what is kept). */
  seq: number;
  /** The oldest and newest message seq the history covers. */
  first: number;
  last: number;
  /** Message seqs after which the tree changed (patches), oldest first: the slider's ticks. */
  steps: number[];
  /** Null before the session's first page. */
  root: TreeNode | null;
  /** The next patch after `seq`, with before/after values; null when `seq` is the latest state. */
  next: { seq: number; changes: HistoryChange[] } | null;
}

/** A session that ended, kept for a post-mortem (its last tree, its errors, its history). */
export interface DeadSession extends SessionInfo {
  closedAt: number;
  reason: string;
  /** How many errors it reported. */
  errors: number;
  /** Set when the session comes from a recording file (`weft inspect`, or dropped on the inspector). */
  recording?: RecordingInfo;
}

/** Where an inspected recording came from. */
export interface RecordingInfo {
  /** The file's name (`todo.weft.jsonl`). */
  file: string;
  /** The app its header names. */
  app: string;
  /** When the recorded session opened, ISO 8601. */
  startedAt: string;
  /**
   * The message `seq` where each replay step starts (index 0: step 1), so `weft inspect --step N`
   * and a replay's differences can point at a row.
   */
  steps: number[];
}

export interface SessionError {
  where: string;
  error: ErrorInfo;
  at: number;
}

export interface PostMortemResult {
  session: SessionInfo | DeadSession;
  /** True when the session has ended. */
  dead: boolean;
  /** Its last errors, oldest first (at most 50). */
  errors: SessionError[];
  /** The tree as it was last (for a dead session: when it closed). */
  root: TreeNode | null;
}

export interface EvalResult {
  /** The value or the error, formatted for a terminal (ANSI colours). */
  text: string;
  error: boolean;
  ms: number;
}

// ---------------------------------------------------------------- tool → devserver

/**
 * Sets a prop of a live control and sends the change to its tab (text, numbers, booleans; null
 * unsets it). With `as: "user"`, a prop the browser itself changes (a checkbox's `value`) is
 * changed as the user's click would: the prop, then its `change` handler.
 */
export interface SetPropRequest {
  type: "set-prop";
  requestId: number;
  sessionId: string;
  id: number;
  name: string;
  value: string | number | boolean | null;
  as?: "app" | "user";
}

export interface SetPropResult {
  id: number;
  name: string;
  /** With `as: "user"`: the handler that ran (`onChange`), or null with `note` saying why none did. */
  ran?: string | null;
  note?: string;
}

/** Sets a component's state hook, as its setter would: the component renders again. */
export interface SetHookRequest {
  type: "set-hook";
  requestId: number;
  sessionId: string;
  id: number;
  index: number;
  value: string | number | boolean | null;
}

/** The control and everything under it with every prop, as the browser holds it (copy as JSON). */
export interface GetSubtreeRequest {
  type: "get-subtree";
  requestId: number;
  sessionId: string;
  id: number;
}

/** Every hot-swap report the devserver keeps (the last 200), newest first. */
export interface GetSwapsRequest {
  type: "get-swaps";
  requestId: number;
}

/**
 * A session as a recording file (docs/recording.md), built from what the agent keeps of it: the
 * whole session when it is short, else its last kept messages after the page as it was then.
 */
export interface ExportRecordingRequest {
  type: "export-recording";
  requestId: number;
  sessionId: string;
}

export interface ExportRecordingResult {
  /** A file name for it: `<app>-<yyyymmdd>-<hhmmss>-<id>.weft.jsonl`. */
  name: string;
  text: string;
  /** Set when the recording does not start at the session's first message: what it leaves out. */
  partial?: string;
}

/**
 * Evaluates `expression` with `$page`, `$sel` (control `selected`), `$session` and `$sessions`
 * in scope; statements work too, and a promise is awaited. Loopback tools only.
 */
export interface EvalRequest {
  type: "eval";
  requestId: number;
  sessionId: string | null;
  selected?: number | null;
  expression: string;
}

/** The tree after message `seq` (default: the latest) with the diff to the next patch. */
export interface GetHistoryRequest {
  type: "get-history";
  requestId: number;
  sessionId: string;
  seq?: number;
}

/** The message rows still kept for a session (what happened before the tool watched). */
export interface GetRowsRequest {
  type: "get-rows";
  requestId: number;
  sessionId: string;
  /** Only rows from this seq on (a thinned frame's `skipped` range); an older agent sends all it keeps. */
  fromSeq?: number;
  /** Only rows up to this seq. */
  toSeq?: number;
}

/** The session's recent causal chains. */
export interface GetChainsRequest {
  type: "get-chains";
  requestId: number;
  sessionId: string;
}

export interface GetDeadSessionsRequest {
  type: "get-dead-sessions";
  requestId: number;
}

export interface GetPostMortemRequest {
  type: "get-postmortem";
  requestId: number;
  sessionId: string;
}

export type InspectRequest =
  | SetPropRequest
  | SetHookRequest
  | GetSubtreeRequest
  | GetSwapsRequest
  | ExportRecordingRequest
  | EvalRequest
  | GetHistoryRequest
  | GetRowsRequest
  | GetChainsRequest
  | GetDeadSessionsRequest
  | GetPostMortemRequest;

/** Outline control `id` in the session's tab (null: remove the outline). */
export interface HighlightCommand {
  type: "highlight";
  sessionId: string;
  id: number | null;
}

/** Start or stop pick mode in the session's tab; a click there answers with `picked`. */
export interface PickCommand {
  type: "pick";
  sessionId: string;
  on: boolean;
}

export type InspectCommand = HighlightCommand | PickCommand;

export type InspectClientMessage = InspectRequest | InspectCommand;

const inspectTypes: ReadonlySet<string> = new Set<InspectClientMessage["type"]>([
  "set-prop",
  "set-hook",
  "get-subtree",
  "get-swaps",
  "export-recording",
  "eval",
  "get-history",
  "get-rows",
  "get-chains",
  "get-dead-sessions",
  "get-postmortem",
  "highlight",
  "pick",
]);

/** Whether a tool's message belongs to the inspector's part of the channel. */
export function isInspectMessage(message: { type: string }): message is InspectClientMessage {
  return inspectTypes.has(message.type);
}

// ---------------------------------------------------------------- devserver → tool

export type InspectResult =
  | Result<"set-prop", SetPropResult>
  | Result<"set-hook", { id: number; index: number }>
  | Result<"get-subtree", { sessionId: string; id: number; root: WireNode }>
  | Result<"get-swaps", { reports: SwapReport[] }>
  | Result<"export-recording", ExportRecordingResult>
  | Result<"eval", EvalResult>
  | Result<"get-history", HistoryResult>
  | Result<"get-rows", { sessionId: string; rows: MessageRow[] }>
  | Result<"get-chains", { sessionId: string; chains: CausalChain[] }>
  | Result<"get-dead-sessions", { sessions: DeadSession[] }>
  | Result<"get-postmortem", PostMortemResult>;

/** A causal chain was completed or got its round trip (only to tools watching the session's messages). */
export interface ChainMessage {
  type: "chain";
  chain: CausalChain;
  /**
   * The chain was sent finished before and is sent again only because the tab reported its round
   * trip (`roundTripMs` is what is new): a tool watching with `roundTrips` gets just that.
   */
  roundTripOnly?: true;
}

/** The user picked a control in the tab (null: pick mode ended without a pick). */
export interface PickedMessage {
  type: "picked";
  sessionId: string;
  id: number | null;
}

/** A session ended; its post-mortem is kept (`get-postmortem`). */
export interface SessionDeadMessage {
  type: "session-dead";
  session: DeadSession;
}

export type InspectServerMessage = ChainMessage | PickedMessage | SessionDeadMessage;
