import type { InspectClientMessage, ServerMessage, SessionInfo } from "@weft/protocol/channel";

/**
 * `weft dev --static`: what crosses the socket between the agent in a tab's worker (the app's
 * session lives there) and the devserver, which serves the tools as it does for a server. The
 * worker's agent is the same `@weft/agent` as in `weft dev`; this link carries its channel
 * messages out and the tools' questions in. JSON text frames; no Node, no DOM.
 */
export type WorkerToDevServer =
  /** First frame: the sessions the worker holds now. */
  | { kind: "hello"; sessions: SessionInfo[] }
  /** A channel message of the agent (session-open, tree-ops, message rows, swap reports…). */
  | { kind: "emit"; message: ServerMessage }
  /** The answer to a `call`. */
  | { kind: "result"; id: number; value: unknown; error?: string }
  /** What the worker's inspect service answered a tool (`tool` names the asker). */
  | { kind: "inspect-reply"; tool: number; message: ServerMessage }
  /** A swap's one-line summary, for the terminal (as `weft dev` prints it). */
  | { kind: "log"; text: string; error?: boolean };

/** The agent methods the hub calls; the worker answers each with its agent's return value. */
export type AgentCall = "tree" | "props" | "message" | "source" | "controlsAt";

export type DevServerToWorker =
  | { kind: "call"; id: number; method: AgentCall; args: (string | number | undefined)[] }
  | { kind: "inspect"; tool: number; message: InspectClientMessage; loopback: boolean };

/** The path of the link on the app's port, below which a token is required. */
export const WORKER_LINK_PATH = "/__weft/agent";
