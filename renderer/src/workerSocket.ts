import type { MessageSocket, OpenSocket } from "./MessageSocket.ts";

/**
 * What a static build's worker posts besides protocol frames (which are strings, exactly the
 * text a WebSocket would carry): that it listens (the socket's "open"), and its side closing the
 * link with the code and reason a server would have sent. The runtime's worker host
 * (`weft/static`) posts them.
 */
type WorkerSignal = { weft: "ready" } | { weft: "close"; code: number; reason: string };

/**
 * The link to a static build's session: the app runs in a module Web Worker (the same runtime
 * as on a server), and the protocol's frames cross by postMessage. Each open starts a new
 * worker, so a reconnect after a failure is a fresh session, as a server restart would be.
 */
export function workerSocket(scriptUrl: string | URL): OpenSocket {
  return () => {
    const worker = new Worker(scriptUrl, { type: "module", name: "weft app" });
    let open = true;
    const finish = (code: number, reason: string) => {
      if (!open) return;
      open = false;
      worker.terminate();
      socket.onclose?.(code, reason);
    };
    const socket: MessageSocket = {
      get isOpen() {
        return open;
      },
      send: (text) => {
        if (open) worker.postMessage(text);
      },
      close: (code, reason) => finish(code, reason),
      onopen: null,
      onmessage: null,
      onclose: null,
    };
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data;
      if (typeof data === "string") return socket.onmessage?.(data);
      if (!isSignal(data)) return;
      // Open once the worker's host listens: what the page sends next reaches the session.
      if (data.weft === "ready") socket.onopen?.();
      else finish(data.code, data.reason);
    };
    // The script failed to load or threw at its top level: like a server that cannot start.
    worker.onerror = (event) => {
      event.preventDefault();
      console.error(`[weft] the app's worker failed: ${event.message || "it could not be loaded"}`);
      finish(1011, event.message || "the app's worker failed");
    };
    return socket;
  };
}

function isSignal(data: unknown): data is WorkerSignal {
  const weft = typeof data === "object" && data !== null ? (data as { weft?: unknown }).weft : undefined;
  return weft === "ready" || weft === "close";
}
