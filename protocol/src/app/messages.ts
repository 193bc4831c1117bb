/**
 * The weft wire protocol: JSON text frames over one WebSocket per browser tab.
 *
 * Like all of @weft/protocol, this module imports neither Node nor the DOM: the runtime, the
 * renderer, the agent and the tools all take their message types from here. `docs/protocol.md`
 * is the prose version.
 *
 * Version history (bump on every breaking change, and say what broke):
 *   1 — first version: register/registered, patch (set/insert/remove/move), event, props,
 *       invoke/reply, error, crashed.
 *       Additive, optional (no bump): `registered.devtools`, `event.seq` and `timing`, the
 *       browser-measured round trip a server asks for when developer tools listen; `ref` on
 *       `error` and `crashed` (the server log's reference when the details are withheld); close
 *       codes 4003 (taken over), 4004 (no register in time), 4010 (nested too deep);
 *       `client.pwa`, the page runs as an installed app.
 */
export const PROTOCOL_VERSION = 1;

/** A control id. Ids are assigned when a control is constructed and travel in every node. */
export type ControlId = number;

/** A JSON value as it may appear in a prop. */
export type PropValue = string | number | boolean | null | PropValue[] | { [key: string]: PropValue };

/**
 * One control as sent to the client.
 * `t` is the renderable type the renderer draws (`Row`); `n` is the class name when it differs
 * (`TodoItem extends Row`), shown as `data-weft-type`. `h` lists the events that have handlers:
 * the client sends an event only when its name is here.
 */
export interface WireNode {
  i: ControlId;
  t: string;
  n?: string;
  p: Record<string, PropValue>;
  h?: string[];
  /** Child slots: `controls` holds a list, `content` a list of at most one. */
  c?: Record<string, WireNode[]>;
}

// ---------------------------------------------------------------- client → server

/** What the browser tells the server about itself when it registers. */
export interface ClientInfo {
  route: string;
  userAgent?: string;
  platform?: string;
  width?: number;
  height?: number;
  /** `"light"` or `"dark"`: the browser's `prefers-color-scheme`. */
  brightness?: "light" | "dark";
  /** True when the page was opened as an installed app (`display-mode: standalone`): `page.pwa`. */
  pwa?: boolean;
}

/** First message on every connection. `sessionId` asks to resume that session. */
export interface RegisterMessage {
  type: "register";
  protocol: number;
  sessionId?: string;
  client: ClientInfo;
  /**
   * `"relative"`: send this client nodes with ids relative to the node before (relativeIds.ts),
   * which deflate shrinks far better. Absent: every node carries its `i`, as always.
   */
  ids?: "relative";
}

/** A user event on a control, e.g. `{ id: 12, name: "click" }`. */
export interface EventMessage {
  type: "event";
  id: ControlId;
  name: string;
  data?: PropValue;
  /**
   * Counts up per connection; sent only after `registered` said `devtools: true`, so that the
   * browser's `timing` can name the event it measured.
   */
  seq?: number;
}

/** Props the browser changed itself (typed text, a tick). Applied on the server, never echoed back. */
export interface PropsMessage {
  type: "props";
  id: ControlId;
  props: Record<string, PropValue>;
}

/** The browser's answer to an `invoke`. */
export interface ReplyMessage {
  type: "reply";
  callId: number;
  result?: PropValue;
  error?: string;
}

/**
 * How long the browser took from sending event `seq` until the first patch after it was applied
 * and drawn (the next animation frame). Sent only to a server that asked (`registered.devtools`).
 */
export interface TimingMessage {
  type: "timing";
  seq: number;
  ms: number;
}

export type ClientMessage = RegisterMessage | EventMessage | PropsMessage | ReplyMessage | TimingMessage;

// ---------------------------------------------------------------- server → client

/** Answer to `register`: the session id to keep, and the whole page. */
export interface RegisteredMessage {
  type: "registered";
  protocol: number;
  sessionId: string;
  /** True when an existing session was resumed (a refresh or a reconnect within the window). */
  resumed: boolean;
  page: WireNode;
  /**
   * Developer tools listen (`weft dev`): number events with `seq` and report `timing` for them.
   * Absent otherwise; a renderer that ignores it loses nothing but the measurement.
   */
  devtools?: boolean;
}

/** Set props (a `null` value removes the prop) and/or replace the list of handled events. */
export interface SetOp {
  op: "set";
  id: ControlId;
  props?: Record<string, PropValue>;
  h?: string[];
}

/**
 * Insert a new node into a slot, before the sibling `before` (or at the end when null). A node
 * whose id is already shown elsewhere moves here (its subtree is rebuilt from `node`).
 */
export interface InsertOpOf<Node> {
  op: "insert";
  parent: ControlId;
  slot: string;
  before: ControlId | null;
  node: Node;
}
export type InsertOp = InsertOpOf<WireNode>;

/** Remove a node (and its subtree) from a slot. */
export interface RemoveOp {
  op: "remove";
  parent: ControlId;
  slot: string;
  id: ControlId;
}

/** Move an existing node within a slot, before the sibling `before` (or to the end). */
export interface MoveOp {
  op: "move";
  parent: ControlId;
  slot: string;
  id: ControlId;
  before: ControlId | null;
}

export type PatchOp = SetOp | InsertOp | RemoveOp | MoveOp;

/** A batch of tree changes, applied in order. One per update. */
export interface PatchMessage {
  type: "patch";
  ops: PatchOp[];
}

/** Ask the browser to do something and answer with a `reply` (localStorage, focus…). */
export interface InvokeMessage {
  type: "invoke";
  callId: number;
  method: string;
  /** The control the method is called on, if any. */
  id?: ControlId;
  args: PropValue[];
}

/** Something went wrong; `code` is stable (see docs/errors.md). The connection stays open. */
export interface ErrorMessage {
  type: "error";
  code: string;
  message: string;
  /** The control involved, when there is one. */
  id?: ControlId;
  /**
   * Set when the server withholds the details from the browser (`exposeErrors: false`, the
   * default of `weft run`): the message says only that something failed, and the server log
   * has the full text and stack under this reference.
   */
  ref?: string;
}

/** The session's `main` failed: the page cannot be shown. */
export interface CrashedMessage {
  type: "crashed";
  message: string;
  /** As in `ErrorMessage`: the server log's reference when the details are withheld. */
  ref?: string;
}

export type ServerMessage =
  | RegisteredMessage
  | PatchMessage
  | InvokeMessage
  | ErrorMessage
  | CrashedMessage;

/**
 * WebSocket close codes the server uses, with a human-readable reason alongside.
 * 4000–4099: the client broke the protocol and should not retry as it is.
 */
export const CloseCode = {
  /** Malformed JSON, an unknown message type, a message of the wrong shape. */
  ProtocolError: 4000,
  /** The client speaks another protocol version. */
  VersionMismatch: 4001,
  /** The session was closed by the server (resume window passed, server stopping). */
  SessionClosed: 4002,
  /** Another connection registered with this session's id while this one stopped answering pings. */
  TakenOver: 4003,
  /** The client did not send `register` within the server's `registerTimeoutMs`. */
  RegisterTimeout: 4004,
  /**
   * From the browser: the tab is going away (closed, or navigating off the app: `pagehide`). The
   * session waits only a short while for it (a refresh comes back at once), not the whole
   * resume window.
   */
  Goodbye: 4005,
  /** A frame nested deeper than the server's `maxMessageDepth`, refused before it was parsed. */
  TooDeep: 4010,
  /** The server is shutting down. */
  GoingAway: 1001,
  /** ws's own code for a frame above `maxPayload`. */
  TooBig: 1009,
  /** The server failed handling a frame (a bug in weft): the log has it under the reason's reference. */
  InternalError: 1011,
} as const;

/**
 * How deep a frame from the browser may nest (objects and arrays). The renderer's own frames nest a
 * few levels; the limit leaves room for app data (a `reply` with a stored value) and refuses the
 * frames built to exhaust the stack of whatever serializes them next (docs/security.md).
 */
export const MAX_MESSAGE_DEPTH = 64;
