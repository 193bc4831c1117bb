import { createRoot } from "react-dom/client";
import type { ServerMessage } from "@weft/protocol";
import { App } from "./App.tsx";
import { createMessageHandler } from "./createMessageHandler.ts";
import { holdForControlChunks } from "./controls/lazyControl.tsx";
import type { RoundTrip } from "./devtools/roundTrip.ts";
import { WeftContext, type Weft } from "./WeftContext.ts";

/**
 * React and the controls: the part of the renderer the page loads beside its entry (main.tsx),
 * which has already started the link to the session. Draws the app into `#root` and returns
 * the handler of the session's messages; the entry hands it what arrived while this loaded,
 * before React's first render, so that render draws the page.
 */
export function mountApp(weft: Weft, roundTrip: RoundTrip): (message: ServerMessage) => void {
  // A message that brings a control of a lazy chunk waits for the chunk (controls/lazyControl.tsx).
  const handle = holdForControlChunks(roundTrip.observe(createMessageHandler(weft)));
  createRoot(document.getElementById("root")!).render(
    <WeftContext value={weft}>
      <App />
    </WeftContext>,
  );
  performance.mark("weft:mounted");
  return handle;
}
