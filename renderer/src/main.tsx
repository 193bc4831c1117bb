import { createRoot } from "react-dom/client";
import type { ClientMessage } from "@weft/protocol";
import { App } from "./App.tsx";
import { prefersDark, readClientInfo } from "./readClientInfo.ts";
import { Connection, sessionKeyFor } from "./Connection.ts";
import { basePath, resolveInBase } from "./basePath.ts";
import { readPageConfig } from "./pageConfig.ts";
import { workerSocket } from "./workerSocket.ts";
import { createMessageHandler } from "./createMessageHandler.ts";
import { holdForControlChunks } from "./controls/lazyControl.tsx";
import { createRoundTrip } from "./devtools/roundTrip.ts";
import { StatusStore } from "./StatusStore.ts";
import { NodeStore } from "./NodeStore.ts";
import { applyTheme } from "./theme.ts";
import { WeftContext, type Weft } from "./WeftContext.ts";
// Roboto, self-hosted: the browser fetches a face (and a script subset) only when text uses it.
import "@fontsource/roboto/400.css";
import "@fontsource/roboto/400-italic.css";
import "@fontsource/roboto/500.css";
import "@fontsource/roboto/700.css";
// After fontsource's faces: ASCII text draws from these smaller subsets (fonts/robotoAscii.css).
import "./fonts/robotoAscii.css";
import "./iconFonts.css";
import "./weft.css";

declare global {
  interface Window {
    /** Read-only debug handle for tests and benchmarks; not an API for apps. */
    readonly __weft?: { readonly store: NodeStore; readonly connection: Connection; readonly status: StatusStore };
  }
}

const status = new StatusStore();
const store = new NodeStore();
// Times events for the inspector's causal chain when the server asks (devtools/roundTrip.ts).
const roundTrip = createRoundTrip((message) => connection.send(message));
const send = (message: ClientMessage): boolean => {
  const sent = connection.send(roundTrip.stamp(message));
  if (!sent) console.warn(`[weft] not connected: dropped a '${message.type}' message`);
  return sent;
};
const config = readPageConfig();
const connection = new Connection({
  // Static mode: the session lives in a Web Worker of this tab; otherwise on the server.
  ...(config.transport === "worker" && config.worker
    ? { open: workerSocket(resolveInBase(config.worker)), url: "worker" }
    : config.socket
      ? { url: wsUrl(resolveInBase(config.socket)) }
      : {}),
  sessionKey: sessionKeyFor(basePath()),
  status,
  clientInfo: readClientInfo,
  // A message that brings a control of a lazy chunk waits for the chunk (controls/lazyControl.tsx).
  onMessage: holdForControlChunks(roundTrip.observe(createMessageHandler({ store, status, send }))),
});
const weft: Weft = { store, status, send };

// Colours before the page arrives, so the "Connecting…" state is already in the right scheme.
applyTheme(prefersDark() ? "dark" : "light", undefined);
Object.defineProperty(window, "__weft", { value: Object.freeze({ store, connection, status }), configurable: true });

createRoot(document.getElementById("root")!).render(
  <WeftContext value={weft}>
    <App />
  </WeftContext>,
);
connection.start();
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
