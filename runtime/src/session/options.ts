import { MAX_MESSAGE_DEPTH } from "@weft/protocol";

/**
 * Every limit and default of a session and its server, in one object (ws's habit), each
 * documented in docs/security.md. Each can be set in `createWeftServer()` / `openSession()`
 * options; the ones worth it also on the command line.
 */
export interface WeftOptions {
  /** How long a disconnected session waits for its tab to come back. Flet's default: 3600 s. */
  resumeWindowMs: number;
  /**
   * How long it waits instead when the tab said goodbye (closed, or navigated away): long enough
   * for a refresh to resume, short enough that a closed tab's session ends at once for a person.
   */
  leaveWindowMs: number;
  /** A handler holding the event loop longer than this is reported with its duration. */
  blockWarnMs: number;
  /** How long `invoke()` (clientStorage, focus…) waits for the browser's reply. */
  invokeTimeoutMs: number;
  /**
   * Send the browser the text of app errors (a handler's exception, a crashed main). Off, the
   * browser gets a short message and a reference, and the server log the full text and stack
   * under it. Default false (`weft run`, `createWeftServer`); `weft dev` and `weft/testing` turn
   * it on, since there the one reading the page wrote the code.
   */
  exposeErrors: boolean;
  /**
   * Most sessions kept waiting for their tab at once. When one more tab goes away, the sessions
   * that disconnected first are closed (their `onClose` runs). Bounds what clients that
   * register and drop can make the server hold for the resume window.
   */
  maxResumingSessions: number;
  /** The same bound per client address (a single client cannot take the whole budget). */
  maxResumingPerAddress: number;
  /** A connection that has not sent `register` this long after it opened is closed (4004). */
  registerTimeoutMs: number;
  /**
   * A tab that registers with the id of a session whose socket is still open: the old socket
   * is pinged, and if it does not answer within this, the new tab takes the session over (the
   * old socket is closed with 4003). If it answers, the new tab is another tab with a copied
   * id (a duplicated tab) and gets a session of its own.
   */
  takeoverProbeMs: number;
  /** Largest frame accepted from a browser, in bytes; bigger ones close the connection (1009). */
  maxMessageBytes: number;
  /**
   * Compress frames with clients that offer permessage-deflate (every browser does): the
   * 4,000-control first page goes from ≈ 380 KB to ≈ 14 KB on the wire. server/compression.ts
   * says how it is set up and why.
   */
  compression: boolean;
  /** Frames smaller than this, in bytes, are sent uncompressed: a small patch would gain little and wait for zlib. */
  compressionThreshold: number;
  /**
   * zlib jobs (compress or decompress) running at once in the process; the rest wait their
   * turn. 4 is libuv's thread pool: more would only queue there, each holding a zlib stream.
   */
  compressionConcurrency: number;
  /** Deepest nesting of a frame from the browser; deeper ones close the connection (4010). */
  maxMessageDepth: number;
  /**
   * Every socket is pinged this often; one that has not answered the previous ping by then is
   * ended (a peer gone without a FIN, a suspended laptop) and its session waits for a resume.
   * 0 turns the heartbeat off.
   */
  heartbeatMs: number;
}

/** The name the app-facing API has always used for these options. */
export type SessionOptions = WeftOptions;

/** The value of every option a server is not given. */
export const defaultOptions: WeftOptions = {
  resumeWindowMs: 3600_000,
  leaveWindowMs: 10_000,
  blockWarnMs: 100,
  invokeTimeoutMs: 10_000,
  exposeErrors: false,
  maxResumingSessions: 1000,
  maxResumingPerAddress: 100,
  registerTimeoutMs: 10_000,
  takeoverProbeMs: 2000,
  maxMessageBytes: 1024 * 1024,
  compression: true,
  compressionThreshold: 1024,
  compressionConcurrency: 4,
  maxMessageDepth: MAX_MESSAGE_DEPTH,
  // ws's README uses 30 s; proxies commonly drop idle connections after 60 s.
  heartbeatMs: 30_000,
};
