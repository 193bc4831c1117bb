import { useState } from "react";
import type { ChannelState } from "@weft/devtools-client";
import { useTopics } from "../useStore.ts";
import { applyTheme, initialTheme, type Theme } from "../theme.ts";
import { BuildErrorBanner } from "./BuildErrorBanner.tsx";
import { BottomPanel } from "./BottomPanel.tsx";
import { SessionList } from "./SessionList.tsx";
import { SidePanel } from "./SidePanel.tsx";
import { TreePane } from "./TreePane.tsx";
import "./App.css";

/** The inspector: sessions | control tree | selected control, over messages / swaps / terminal. */
export function App() {
  const store = useTopics("connection");
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const c = store.connection;
  const entry = store.hello?.app.entry ?? "";
  const refused = c.status === "closed" && c.retryInMs === null;
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-logo" aria-hidden>
          ≡
        </span>
        <strong>weft inspector</strong>
        {entry && (
          <span className="dim mono" title={entry}>
            {entry.split(/[\\/]/).pop()}
          </span>
        )}
        <span className={`app-link app-link-${c.status}`} data-testid="channel-state" title={c.status === "closed" ? c.error.message : undefined}>
          {c.status === "open" ? "connected" : c.status === "closed" ? (c.retryInMs === null ? "disconnected" : "reconnecting…") : "connecting…"}
        </span>
        <span className="app-spacer" />
        {store.hello && (
          <a className="dim" href={store.hello.app.url} target="_blank" rel="noreferrer">
            open app ↗
          </a>
        )}
        <button
          title="Switch between the dark and the light theme"
          onClick={() => {
            const next = theme === "dark" ? "light" : "dark";
            applyTheme(next);
            setTheme(next);
          }}
        >
          {theme === "dark" ? "☀ light" : "☾ dark"}
        </button>
      </header>
      {refused ? (
        <div className="app-refused" data-testid="channel-refused" role="alert">
          <h2>Not connected</h2>
          <p>{refusal(c)}</p>
        </div>
      ) : (
        <>
          <BuildErrorBanner />
          <main className="app-main">
            <SessionList />
            <TreePane />
            <SidePanel />
          </main>
          <BottomPanel />
        </>
      )}
    </div>
  );
}

/** Why the inspector is not connected, as the person who opened it should read it. */
function refusal(state: Extract<ChannelState, { status: "closed" }>): string {
  // A browser learns nothing of a refused upgrade (it sees 1006): the devserver checks the token
  // and the page's origin, and both come right from opening the exact URL `weft dev` printed.
  if (state.error.code === "REFUSED") {
    return "The devserver refused the connection: the token is missing or wrong, or this page is not the one weft dev serves. Open the Inspector URL weft dev printed.";
  }
  return state.error.message;
}
