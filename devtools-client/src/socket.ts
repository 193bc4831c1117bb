/**
 * What the channel client needs of a WebSocket, declared here so the package takes neither the
 * DOM's types nor Node's: the browser's `WebSocket` and `ws`'s both fit as they are, with no
 * adapter and no cast (`connect: (url) => new WebSocket(url)`).
 *
 * The listeners' events are declared with only the fields the client reads. A WebSocket's own
 * listener types take richer events (`MessageEvent`, ws's `MessageEvent`…); TypeScript checks a
 * method's parameters both ways, and those richer events have every field declared here.
 */
export interface WebSocketLike {
  /** Bytes queued and not yet sent. */
  readonly bufferedAmount: number;
  send(text: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: "open", listener: () => void): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  addEventListener(type: "close", listener: (event: { code: number; reason: string }) => void): void;
  /** A browser's error event says nothing; ws's carries a `message` (`Unexpected server response: 401`). */
  addEventListener(type: "error", listener: (event: { message?: unknown }) => void): void;
}

/** Opens a socket to `url` (the channel's URL, token included). */
export type SocketFactory = (url: string) => WebSocketLike;

/** A URL without its token, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/, "$1…");
}
