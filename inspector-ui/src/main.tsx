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

const token = new URLSearchParams(location.search).get("token") ?? "";
const url = `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/channel?token=${encodeURIComponent(token)}`;
const client = new ChannelClient({ url, client: "inspector", connect: (to) => new WebSocket(to) });
const store = new InspectorStore(client);
client.onState((state) => store.setConnection(state));
client.onMessage((message) => store.receive(message));
Object.defineProperty(window, "__inspector", { value: store, configurable: true });
applyTheme(initialTheme());

createRoot(document.getElementById("root")!).render(
  <StoreContext value={store}>
    <App />
  </StoreContext>,
);
client.start();
