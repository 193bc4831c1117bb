/**
 * Every limit and default of a session and its server, in one place (ws's habit). Each can be
 * set in `createWeftServer()` / `openSession()` options or on the command line.
 */
export interface SessionOptions {
  /** How long a disconnected session waits for its tab to come back. Flet's default: 3600 s. */
  resumeWindowMs: number;
  /** A handler holding the event loop longer than this is reported with its duration. */
  blockWarnMs: number;
  /** How long `invoke()` (clientStorage, focus…) waits for the browser's reply. */
  invokeTimeoutMs: number;
}

export interface ServerLimits {
  /** Largest frame accepted from a browser, in bytes; bigger ones close the connection (1009). */
  maxMessageBytes: number;
}

export const defaultSessionOptions: SessionOptions = {
  resumeWindowMs: 3600_000,
  blockWarnMs: 100,
  invokeTimeoutMs: 10_000,
};

export const defaultServerLimits: ServerLimits = {
  maxMessageBytes: 1024 * 1024,
};
