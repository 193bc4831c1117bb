import { useEffect, useState, useSyncExternalStore } from "react";
import { useWeft } from "../WeftContext.ts";

/** A drop shorter than this shows no banner: a blip should not flash the screen. */
const DISCONNECTED_DELAY_MS = 300;

/**
 * The connection and error banners, fixed at the top over the page. They never take clicks
 * from the page except on themselves. Each carries `data-weft-banner` for tests.
 */
export function Banners() {
  const { status } = useWeft();
  const state = useSyncExternalStore(status.subscribe, status.get);
  const down = state.link === "connecting" || state.link === "reconnecting";
  const [showDown, setShowDown] = useState(false);
  useEffect(() => {
    if (!down) {
      setShowDown(false);
      return;
    }
    const timer = setTimeout(() => setShowDown(true), DISCONNECTED_DELAY_MS);
    return () => clearTimeout(timer);
  }, [down]);

  return (
    <div className="weft-banners" role="status" aria-live="polite">
      {state.link === "closed" && (
        <div className="weft-banner weft-banner--closed" data-weft-banner="closed">
          <div>
            <strong>Disconnected.</strong> {state.closeReason} — reload the page to try again.
          </div>
        </div>
      )}
      {down && showDown && (
        <div className="weft-banner weft-banner--disconnected" data-weft-banner="disconnected">
          <span className="weft-spinner" aria-hidden="true" />
          {state.link === "connecting" ? "Connecting…" : "Reconnecting…"}
          {state.closeReason !== undefined && <span className="weft-banner-reason"> The server stopped: {state.closeReason}.</span>}
        </div>
      )}
      {state.crashed !== undefined && (
        <div className="weft-banner weft-banner--crashed" data-weft-banner="crashed">
          <div>
            <strong>The app crashed.</strong>
            <pre>{state.crashed}</pre>
          </div>
        </div>
      )}
      {state.errors.map((error) => (
        <div key={error.seq} className="weft-banner weft-banner--error" data-weft-banner="error">
          <div className="weft-banner-text">
            <code>{error.code}</code> {error.message}
            {error.id !== undefined && <span className="weft-banner-id"> (control {error.id})</span>}
          </div>
          <button type="button" className="weft-banner-close" aria-label="Dismiss" onClick={() => status.dismissError(error.seq)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
