/**
 * A two-way text link to the app's session, as the Connection sees it: whatever carries the
 * protocol's frames (a WebSocket to a server, postMessage to a static build's worker) looks
 * like this, so reconnects, `register` and the banners are one piece of code.
 */
export interface MessageSocket {
  readonly isOpen: boolean;
  /** WebSocket's numbers (1 open, 3 closed), for the debug handle's readers (`__weft.connection.ws`). */
  readonly readyState: number;
  send(text: string): void;
  close(code: number, reason: string): void;
  onopen: (() => void) | null;
  onmessage: ((data: string) => void) | null;
  onclose: ((code: number, reason: string) => void) | null;
}

export type OpenSocket = (url: string) => MessageSocket;

/** The server's link: one WebSocket. */
export const openWebSocket: OpenSocket = (url) => {
  const ws = new WebSocket(url);
  const socket: MessageSocket = {
    get isOpen() {
      return ws.readyState === WebSocket.OPEN;
    },
    get readyState() {
      return ws.readyState;
    },
    send: (text) => ws.send(text),
    close: (code, reason) => ws.close(code, reason),
    onopen: null,
    onmessage: null,
    onclose: null,
  };
  ws.onopen = () => socket.onopen?.();
  ws.onmessage = (event) => socket.onmessage?.(String(event.data));
  ws.onclose = (event) => socket.onclose?.(event.code, event.reason);
  return socket;
};
