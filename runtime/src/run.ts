import type { AppView } from "./desktop/view.ts";
import type { AppMain } from "./session/session.ts";

export interface RunOptions {
  /** Default 8550 (Flet's); for a desktop window a free one, since nothing else needs to find it. */
  port?: number;
  /** Default 127.0.0.1. A desktop window is always served on loopback. */
  host?: string;
  /** `"web"` (default): serve and print the URL; `"browser"`: also open it in the default browser; `"desktop"`: its own window. */
  view?: AppView;
}

/**
 * Serves an app from a plain `node`/`tsx` script, as Flet's `ft.run(main)` does:
 *
 * ```ts
 * import { run } from "weft";
 * await run(main, { view: "desktop" });
 * ```
 *
 * Resolves when the app has stopped: its window was closed (desktop), or the process got SIGINT
 * or SIGTERM; every session's `onClose` has run by then. Rejects when no browser is found for a
 * desktop window (`BrowserNotFoundError`, naming what was searched and `CHROME_PATH`).
 */
export async function run(main: AppMain, options: RunOptions = {}): Promise<void> {
  // Loaded here, not at the top: "weft" is also what an app imports, and must not pull in the
  // HTTP server and the browser launcher unless the app is served.
  const { createWeftServer } = await import("./server/server.ts");
  const desktop = await import("./desktop/index.ts");
  const view = options.view ?? "web";
  const browser = view === "desktop" ? desktop.findBrowser() : undefined;
  const gate = view === "desktop" ? desktop.createWindowGate() : undefined;
  const server = await createWeftServer({
    main,
    port: options.port ?? (view === "desktop" ? 0 : undefined),
    host: view === "desktop" ? "127.0.0.1" : options.host,
    ...(gate ? { gate } : {}),
  });
  const stop = untilSignal();
  try {
    if (gate && browser) {
      const app = await desktop.openDesktopApp({ server, gate, browser, app: process.argv[1] ?? "app" });
      console.log(`Window: ${browser.name} (${browser.path})`);
      await Promise.race([stop.signalled, app.closed]);
      await app.close();
    } else {
      console.log(`App: ${server.url}`);
      if (view === "browser") await desktop.openInBrowser(server.url);
      await stop.signalled;
    }
  } finally {
    stop.dispose();
    await server.close();
  }
}

function untilSignal(): { signalled: Promise<void>; dispose(): void } {
  let done!: () => void;
  const signalled = new Promise<void>((resolve) => (done = resolve));
  const onSignal = () => done();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return {
    signalled,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}
