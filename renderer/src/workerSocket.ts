import type { MessageSocket, OpenSocket } from "./MessageSocket.ts";

/**
 * What a static build's worker posts besides protocol frames (which are strings, exactly the
 * text a WebSocket would carry): that it listens (the socket's "open"), and its side closing the
 * link with the code and reason a server would have sent. The runtime's worker host
 * (`weft/static`) posts them.
 */
type WorkerSignal = { weft: "ready" } | { weft: "close"; code: number; reason: string } | { weft: "error"; message: string };

/** A worker the static page started before this script ran (its inline boot script), and what it posted since. */
interface EarlyWorker {
  url: string;
  worker: Worker;
  queue: unknown[];
}

declare global {
  interface Window {
    __weftEarlyWorker?: EarlyWorker;
  }
}

/** The page's early worker for `url`, once: a reconnect starts a new one. */
function adoptEarlyWorker(url: string): EarlyWorker | undefined {
  const early = typeof window === "undefined" ? undefined : window.__weftEarlyWorker;
  if (!early || early.url !== url) return undefined;
  delete window.__weftEarlyWorker;
  return early;
}

/**
 * The link to a static build's session: the app runs in a module Web Worker (the same runtime
 * as on a server), and the protocol's frames cross by postMessage. Each open starts a new
 * worker, so a reconnect after a failure is a fresh session, as a server restart would be.
 */
export function workerSocket(scriptUrl: string | URL, options: { earlyMessages?: boolean } = {}): OpenSocket {
  const url = new URL(scriptUrl).href;
  return () => {
    const early = adoptEarlyWorker(url);
    const worker = early?.worker ?? new Worker(url, { type: "module", name: "weft app" });
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
      get readyState() {
        return open ? 1 : 3;
      },
      send: (text) => {
        if (open) worker.postMessage(text);
      },
      close: (code, reason) => finish(code, reason),
      onopen: null,
      onmessage: null,
      onclose: null,
    };
    const receive = (data: unknown) => {
      if (!open) return;
      if (typeof data === "string") return socket.onmessage?.(data);
      if (!isSignal(data)) return;
      // Open once the worker's host listens: what the page sends next reaches the session.
      if (data.weft === "ready") opened();
      else if (data.weft === "close") finish(data.code, data.reason);
      else failed(data.message);
    };
    // The script failed to load or threw at its top level: like a server that cannot start.
    const failed = (message: string) => {
      console.error(`[weft] the app's worker failed: ${message || "it could not be loaded"}`);
      finish(1011, message || "the app's worker failed");
    };
    let announced = false;
    const opened = () => {
      if (announced || !open) return;
      announced = true;
      socket.onopen?.();
    };
    worker.onmessage = (event: MessageEvent<unknown>) => receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      failed(event.message);
    };
    // What the early worker said before we listened, in order, once the Connection has set
    // its handlers (right after this returns), and before any message still to come.
    if (early) queueMicrotask(() => early.queue.splice(0).forEach(receive));
    // A worker that holds what is posted before it listens (options.earlyMessages) is open at
    // once: `register` goes now, and the worker builds the page as soon as it has run the app,
    // without waiting for this thread (busy with React's script by then) to answer its "ready".
    if (options.earlyMessages) queueMicrotask(opened);
    return socket;
  };
}

function isSignal(data: unknown): data is WorkerSignal {
  const weft = typeof data === "object" && data !== null ? (data as { weft?: unknown }).weft : undefined;
  return weft === "ready" || weft === "close" || weft === "error";
}
