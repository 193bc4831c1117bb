import { createRoot } from "react-dom/client";
import { ChannelClient } from "@weft/devtools-client";
import { InspectorStore } from "./model/InspectorStore.ts";
import { App } from "./views/App.tsx";
import { StoreContext } from "./useStore.ts";
import { applyTheme, initialTheme } from "./theme.ts";
import "./theme.css";

declare global {
  interface Window {
    /** Read-only handle for tests and the benchmark; not an API. */
    readonly __inspector?: InspectorStore;
  }
}

const params = new URLSearchParams(location.search);
const token = params.get("token") ?? "";
const url = `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/channel?token=${encodeURIComponent(token)}`;
const client = new ChannelClient({ url, client: "inspector", connect: (to) => new WebSocket(to) });
const store = new InspectorStore(client, { upload: { url: `${location.origin}/recordings`, token } });
client.onState((state) => {
  store.setConnection(state);
  if (state.status === "closed") void checkToken();
});
client.onMessage((message) => store.receive(message));
Object.defineProperty(window, "__inspector", { value: store, configurable: true });
applyTheme(initialTheme());

// `weft inspect rec.weft.jsonl --step 4` opens the page on that recording at that step.
const session = params.get("session");
if (session) {
  const step = Number(params.get("step"));
  store.focusOn({ sessionId: session, ...(Number.isInteger(step) && step > 0 ? { step } : {}) });
}

/**
 * The channel closed: a browser learns nothing from a refused upgrade, so ask the devserver
 * whether it is there and refuses our token (it restarted with another one) or is just away.
 */
async function checkToken(): Promise<void> {
  try {
    const answer = await fetch(`/check-token?token=${encodeURIComponent(token)}`, { cache: "no-store" });
    store.setTokenRejected(answer.status === 401);
  } catch {
    store.setTokenRejected(false); // not there: it is restarting, or stopped
  }
}

createRoot(document.getElementById("root")!).render(
  <StoreContext value={store}>
    <App />
  </StoreContext>,
);
client.start();
