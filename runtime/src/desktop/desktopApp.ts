import type { ClientInfo } from "@weft/protocol";
import type { WeftServer } from "../server/server.ts";
import type { Session } from "../session/session.ts";
import { findBrowser, type FoundBrowser } from "./findBrowser.ts";
import { launchWindow, type InitialBounds, type LaunchedWindow } from "./launchWindow.ts";
import { profileDirFor } from "./profileDir.ts";
import { WindowDriver } from "./windowDriver.ts";
import type { WindowGate } from "./windowGate.ts";
import { setWindowHost } from "./windowHost.ts";

/** What `openDesktopApp` needs: the app's server behind its window gate, and the browser to show it in. */
export interface DesktopAppOptions {
  /** The app's server, created with `gate` (`createWeftServer({ gate })`). */
  server: WeftServer;
  /** The gate the server was created with: the window gets in with its token, and nothing else does. */
  gate: WindowGate;
  /** The app's file: names the window's profile folder (one per app). */
  app: string;
  /** Default: `findBrowser()` (CHROME_PATH, then Chrome/Chromium, then Edge). */
  browser?: FoundBrowser;
  /** The browser process's environment. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** The app in its own window (`openDesktopApp`). */
export interface DesktopApp {
  /** The window's session: main has run in it. */
  readonly session: Session;
  /** The browser that shows the window. */
  readonly browser: FoundBrowser;
  /** Resolves when the window is gone (the user closed it, `page.window.destroy()`, the browser died). */
  readonly closed: Promise<void>;
  /** Closes the window (and waits for the browser to exit). */
  close(): Promise<void>;
}

/** How long a browser asked to close may take before it is killed. */
const CLOSE_GRACE_MS = 3000;

/**
 * Shows an app in its own window: the one session of a desktop app is started first (so its
 * window opens at the size and place `main` gave `page.window`), then an installed Chrome,
 * Chromium or Edge opens it in app mode with the gate's token, and a `WindowDriver` carries
 * `page.window` out on that window through the DevTools protocol.
 */
export async function openDesktopApp(options: DesktopAppOptions): Promise<DesktopApp> {
  const browser = options.browser ?? findBrowser({ env: options.env });
  const { server, gate } = options;
  const { session } = server.manager.sessionFor(undefined, clientInfo(), "127.0.0.1");
  gate.session = session;

  let launched: LaunchedWindow | null = null;
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      if (!launched) return;
      const window = launched;
      // Browser.close lets the browser end cleanly (its profile saved); a hung one is killed.
      await window.cdp.send("Browser.close").catch(() => {});
      const timer = setTimeout(() => window.kill(), CLOSE_GRACE_MS);
      await window.exited;
      clearTimeout(timer);
    })());

  const driver = new WindowDriver(session, close);
  // Before main runs: what main does to page.window waits for the window instead of warning.
  setWindowHost(session, driver);
  session.startDetached();

  const window = session.page.window;
  const p = window._p;
  const opened: InitialBounds = {};
  for (const name of ["width", "height", "left", "top", "maximized", "fullScreen"] as const) {
    if (p[name] !== undefined) (opened as Record<string, unknown>)[name] = p[name];
  }
  const profile = profileDirFor(options.app);
  try {
    launched = await launchWindow({ browser, url: gate.launchUrl(server.url), profileDir: profile.path, bounds: opened, ...(options.env ? { env: options.env } : {}) });
  } catch (err) {
    setWindowHost(session, null);
    profile.dispose();
    throw new Error(`weft: ${browser.name} (${browser.path}) did not start: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const shown = launched;
  const closed = shown.exited.then(() => {
    driver.detach();
    setWindowHost(session, null);
    profile.dispose();
  });
  driver.attach(shown.cdp, opened as Record<string, unknown>).catch((err) => {
    if (!shown.cdp.isClosed) console.error(`weft: could not take over the desktop window: ${err instanceof Error ? err.message : String(err)}`);
  });
  return { session, browser, closed, close };
}

/** What the window's session knows of its browser before the window has connected. */
function clientInfo(): ClientInfo {
  const platform = ({ linux: "linux", darwin: "macos", win32: "windows" } as const)[process.platform as "linux" | "darwin" | "win32"];
  return { route: "/", ...(platform ? { platform } : {}) };
}
