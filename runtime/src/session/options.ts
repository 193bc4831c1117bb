/**
 * Every limit and default of a session and its server, in one place (ws's habit). Each can be
 * set in `createWeftServer()` / `openSession()` options or on the command line.
 */
export interface SessionOptions {
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
}

export interface ServerLimits {
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
}

export const defaultSessionOptions: SessionOptions = {
  resumeWindowMs: 3600_000,
  leaveWindowMs: 10_000,
  blockWarnMs: 100,
  invokeTimeoutMs: 10_000,
};

export const defaultServerLimits: ServerLimits = {
  maxMessageBytes: 1024 * 1024,
  compression: true,
  compressionThreshold: 1024,
  compressionConcurrency: 4,
};
