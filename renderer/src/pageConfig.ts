/**
 * What the page the renderer was served in tells it (an injected
 * `<script type="application/json" id="weft-config">`): how to reach its session and whether it
 * is a static build. The base path is the document's (`<base href>`, "/" unless the page was
 * served under a sub-path), so the renderer never assumes it sits at the root.
 *
 * - server mode (`weft run`, `weft dev`): no config, a WebSocket at `<base>ws`;
 * - static mode (`weft build --static`): `{"transport":"worker","worker":"_weft/app-….js",…}`,
 *   the app's session runs in that Web Worker and messages cross by postMessage.
 */
export interface PageConfig {
  transport: "websocket" | "worker";
  /** The worker script, relative to the base (static mode). */
  worker?: string;
  /**
   * The worker keeps what the page posts before it listens (a static build's does): the page
   * sends `register` at once instead of after the worker's "ready" (workerSocket.ts).
   */
  earlyMessages?: boolean;
  /** The service worker to register, relative to the base (static builds). */
  serviceWorker?: string;
  /** The WebSocket endpoint, relative to the base (server mode). Default "ws". */
  socket?: string;
}

export function readPageConfig(doc: Document = document): PageConfig {
  const element = doc.getElementById("weft-config");
  if (!element?.textContent) return { transport: "websocket" };
  try {
    const raw = JSON.parse(element.textContent) as Partial<PageConfig>;
    return {
      transport: raw.transport === "worker" ? "worker" : "websocket",
      ...(typeof raw.worker === "string" ? { worker: raw.worker } : {}),
      ...(raw.earlyMessages === true ? { earlyMessages: true } : {}),
      ...(typeof raw.serviceWorker === "string" ? { serviceWorker: raw.serviceWorker } : {}),
      ...(typeof raw.socket === "string" ? { socket: raw.socket } : {}),
    };
  } catch (err) {
    console.error("[weft] the page's #weft-config is not JSON; using a WebSocket:", (err as Error).message);
    return { transport: "websocket" };
  }
}
