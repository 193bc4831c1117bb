import type { AppView } from "./desktop/view.ts";
import type { AppMain } from "./session/session.ts";

/** How `run(main, options)` serves the app. */
export interface RunOptions {
  /** Default 8550 (Flet's); for a desktop window a free one, since nothing else needs to find it. */
  port?: number;
  /** Default 127.0.0.1. A desktop window is always served on loopback. */
  host?: string;
  /** `"web"` (default): serve and print the URL; `"browser"`: also open it in the default browser; `"desktop"`: its own window. */
  view?: AppView;
  /**
   * A folder whose files are served at the app's root (Flet's `assets_dir`): `assets/logo.png`
   * is `new Image({ src: "/logo.png" })`. Default: `assets/` beside the script, if there.
   */
  assetsDir?: string;
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
 * or SIGTERM (which drains: docs/scaling.md); every session's `onClose` has run by then. Rejects when no browser is found for a
 * desktop window (`BrowserNotFoundError`, naming what was searched and `CHROME_PATH`).
 */
export async function run(main: AppMain, options: RunOptions = {}): Promise<void> {
  // Loaded here, not at the top: "weft" is also what an app imports, and must not pull in the
  // HTTP server and the browser launcher unless the app is served.
  const { createWeftServer } = await import("./server/server.ts");
  const { planView, showApp } = await import("./desktop/showApp.ts");
  const { defaultAssetsDir } = await import("./server/assetFiles.ts");
  const plan = planView(options.view ?? "web");
  const assetsDir = options.assetsDir ?? (process.argv[1] ? defaultAssetsDir(process.argv[1]) : undefined);
  const server = await createWeftServer({
    main,
    ...(assetsDir !== undefined ? { assetsDir } : {}),
    // A desktop window needs no well-known port: a free one, on loopback.
    port: options.port ?? (plan.gate ? 0 : undefined),
    host: plan.gate ? "127.0.0.1" : options.host,
    ...(plan.gate ? { gate: plan.gate } : {}),
  });
  const stop = untilSignal();
  let signal: NodeJS.Signals | null = null;
  try {
    await showApp(plan, server, { app: process.argv[1] ?? "app", stopped: stop.signalled.then((s) => (signal = s)) });
  } finally {
    stop.dispose();
    // SIGTERM (an orchestrator, a balancer's process manager): drain, so tabs go elsewhere first.
    if (signal === "SIGTERM") await server.drain();
    else await server.close();
  }
}

function untilSignal(): { signalled: Promise<NodeJS.Signals>; dispose(): void } {
  let done!: (signal: NodeJS.Signals) => void;
  const signalled = new Promise<NodeJS.Signals>((resolve) => (done = resolve));
  const onSignal = (signal: NodeJS.Signals) => done(signal);
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
