/**
 * What a session tells the process's metrics (`/metrics`, server/metrics.ts) as it works. The
 * session core knows only this interface, so an app that never turns metrics on loads no metrics
 * library and pays one `undefined` check per event.
 */
export interface SessionMeter {
  /** A browser event reached a handler. */
  event(): void;
  /** A handler (an event's, a pubsub message's, a page handler's) finished, after `seconds`. */
  handler(seconds: number): void;
  /** A patch frame of `bytes` (UTF-8) went to a browser. */
  patch(bytes: number): void;
}
