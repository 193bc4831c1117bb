import { useRef, useState } from "react";
import type { ChannelState } from "@weft/devtools-client";
import { useTopics } from "../useStore.ts";
import { applyTheme, initialTheme, type Theme } from "../theme.ts";
import { BuildErrorBanner } from "./BuildErrorBanner.tsx";
import { download } from "./download.ts";
import { DropZone } from "./DropZone.tsx";
import { useWidth } from "./useWidth.ts";
import { NARROW_PX, Workspace } from "./Workspace.tsx";
import "./App.css";

/** The inspector: sessions | control tree | selected control, over messages / swaps / terminal. */
export function App() {
  const store = useTopics("connection", "sessions");
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const root = useRef<HTMLDivElement>(null);
  const width = useWidth(root);
  const c = store.connection;
  const hello = store.hello;
  const entry = hello?.app.entry ?? "";
  const refused = c.status === "closed" && c.retryInMs === null;
  const shown = store.sessionId;
  const status = store.recordings.status;
  return (
    <div className={`app ${width < NARROW_PX ? "is-narrow" : ""}`} ref={root}>
      <header className="app-header">
        <span className="app-logo" aria-hidden>
          ≡
        </span>
        <strong className="app-name">weft inspector</strong>
        {entry && (
          <span className="dim mono app-entry" title={entry}>
            {entry.split(/[\\/]/).pop()}
            {hello?.viewer ? " · recordings" : ""}
          </span>
        )}
        <span className={`app-link app-link-${c.status}`} data-testid="channel-state" title={c.status === "closed" ? c.error.message : undefined}>
          {c.status === "open" ? "connected" : c.status === "closed" ? (store.tokenRejected ? "token refused" : c.retryInMs === null ? "disconnected" : "reconnecting…") : "connecting…"}
        </span>
        <span className="app-spacer" />
        {shown && c.status === "open" && (
          <button
            data-testid="export-recording"
            title="Save the shown session as a recording (.weft.jsonl): replay it with weft replay, open it with weft inspect"
            onClick={() => {
              store.recordings.export(shown).then(
                (r) => download(r.name, r.text),
                (err: Error) => console.error(`[weft inspector] exporting session ${shown} failed: ${err.message}`),
              );
            }}
          >
            ⤓ export
          </button>
        )}
        {hello?.app.url && (
          <a className="dim" href={hello.app.url} target="_blank" rel="noreferrer">
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
          {theme === "dark" ? "☀" : "☾"}
        </button>
      </header>
      {refused ? (
        <div className="app-refused" data-testid="channel-refused" role="alert">
          <h2>Not connected</h2>
          <p>{refusal(c)}</p>
        </div>
      ) : (
        <>
          {store.tokenRejected ? (
            <div className="app-banner app-banner-error" role="alert" data-testid="token-changed">
              weft dev is running, but with another token than this page's: it was restarted in another workspace, or its <span className="mono">.weft/token</span> was removed. Open the Inspector URL it printed last (also in <span className="mono">.weft/devserver-*.json</span>).
            </div>
          ) : c.status !== "open" && hello ? (
            <div className="app-banner" data-testid="devserver-gone">
              weft dev went away: the sessions below are as they were. This page reconnects by itself when it is back.
            </div>
          ) : null}
          {status && (
            <div className={`app-banner ${status.error ? "app-banner-error" : ""}`} data-testid="recording-status">
              {status.text}
            </div>
          )}
          <BuildErrorBanner />
          <Workspace narrow={width < NARROW_PX} workspace={hello?.app.root ?? "default"} key={hello?.app.root ?? "default"} />
        </>
      )}
      <DropZone />
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
