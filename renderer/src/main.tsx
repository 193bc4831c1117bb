import type { ClientMessage, ServerMessage } from "@weft/protocol";
import { prefersDark, readClientInfo } from "./readClientInfo.ts";
import { Connection, handleReporting, sessionKeyFor } from "./Connection.ts";
import { basePath, resolveInBase } from "./basePath.ts";
import { readPageConfig } from "./pageConfig.ts";
import { workerSocket } from "./workerSocket.ts";
import { createRoundTrip } from "./devtools/roundTrip.ts";
import { StatusStore } from "./StatusStore.ts";
import { NodeStore } from "./NodeStore.ts";
import { applyTheme } from "./theme.ts";
import type { Weft } from "./WeftContext.ts";
// Roboto, self-hosted: the browser fetches a face (and a script subset) only when text uses it.
import "@fontsource/roboto/400.css";
import "@fontsource/roboto/400-italic.css";
import "@fontsource/roboto/500.css";
import "@fontsource/roboto/700.css";
// After fontsource's faces: ASCII text draws from these smaller subsets (fonts/robotoAscii.css).
import "./fonts/robotoAscii.css";
import "./iconFonts.css";
import "./weft.css";

/**
 * The renderer's entry, and all it does before React: it opens the link to the session (the
 * WebSocket, or a static build's worker) and sends `register`, then loads React and the controls
 * (mountApp.tsx, a chunk of their own that the page preloads beside this one). The server or the
 * worker builds the first page while React's script is still parsed and run, instead of after
 * it; what arrives meanwhile waits here and is applied before React's first render, so the first
 * frame is the page. Nothing here imports React: this chunk stays small and runs first.
 */
declare global {
  interface Window {
    /** Read-only debug handle for tests and benchmarks; not an API for apps. */
    readonly __weft?: { readonly store: NodeStore; readonly connection: Connection; readonly status: StatusStore };
  }
}

performance.mark("weft:boot");
const status = new StatusStore();
const store = new NodeStore();
// Times events for the inspector's causal chain when the server asks (devtools/roundTrip.ts).
const roundTrip = createRoundTrip((message) => connection.send(message));
const send = (message: ClientMessage): boolean => {
  const sent = connection.send(roundTrip.stamp(message));
  if (!sent) console.warn(`[weft] not connected: dropped a '${message.type}' message`);
  return sent;
};
// The session's messages until the controls are loaded (their handler needs the lazy chunks' table).
let handle: ((message: ServerMessage) => void) | null = null;
const early: ServerMessage[] = [];
let registeredMarked = false;
const config = readPageConfig();
const connection = new Connection({
  // Static mode: the session lives in a Web Worker of this tab; otherwise on the server.
  ...(config.transport === "worker" && config.worker
    ? { open: workerSocket(resolveInBase(config.worker), { earlyMessages: config.earlyMessages === true }), url: "worker" }
    : config.socket
      ? { url: wsUrl(resolveInBase(config.socket)) }
      : {}),
  sessionKey: sessionKeyFor(basePath()),
  status,
  clientInfo: readClientInfo,
  onMessage: (message) => {
    if (!registeredMarked && message.type === "registered") {
      registeredMarked = true;
      performance.mark("weft:registered");
    }
    if (handle) handle(message);
    else early.push(message);
  },
});
const weft: Weft = { store, status, send };

// Colours before the page arrives, so the "Connecting…" state is already in the right scheme.
applyTheme(prefersDark() ? "dark" : "light", undefined);
Object.defineProperty(window, "__weft", { value: Object.freeze({ store, connection, status }), configurable: true });

/**
 * When React's script runs. On a server's WebSocket it waits for the first `register` to go out
 * (up to MOUNT_WAIT_MS): the socket opens in a round trip, and a script that ran first would hold
 * its "open" behind it, so the server would start on the page only after React. A static
 * build's worker is started by the page before this script, and `register` is posted to it at
 * once (it holds messages until its runtime listens: workerSocket.ts), so the worker builds the
 * page while React's script runs, and React does not wait.
 */
const MOUNT_WAIT_MS = 200;
const attempted = connection.start();
const reactMayRun = config.transport === "worker" ? Promise.resolve() : Promise.race([attempted, new Promise((resolve) => setTimeout(resolve, MOUNT_WAIT_MS))]);
reactMayRun.then(() => import("./mountApp.tsx")).then(
  ({ mountApp }) => {
    handle = mountApp(weft, roundTrip);
    // As the Connection does with a message its handler throws on: reported, and the next one goes on.
    for (const message of early.splice(0)) handleReporting(handle, message, status);
  },
  (err: unknown) => {
    // Its chunk did not arrive (offline before the service worker had the site): say so.
    console.error("[weft] the renderer could not load its controls:", err);
    document.getElementById("root")!.textContent = "This app could not be loaded: reload the page.";
  },
);

// A static build works offline once loaded and can be installed: its service worker (Workbox).
if (config.serviceWorker && "serviceWorker" in navigator) {
  const script = resolveInBase(config.serviceWorker);
  addEventListener("load", () => {
    navigator.serviceWorker.register(script, { scope: resolveInBase("").pathname }).catch((err: unknown) => {
      console.warn("[weft] the service worker did not register; the app will not work offline:", err);
    });
  });
}

function wsUrl(url: URL): string {
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}
