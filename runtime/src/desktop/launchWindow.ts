import { launch } from "chrome-launcher";
import { CdpPipe } from "./cdpPipe.ts";
import type { FoundBrowser } from "./findBrowser.ts";

/** Where and how big the window opens, in the screen's device-independent pixels. */
export interface InitialBounds {
  width?: number;
  height?: number;
  left?: number;
  top?: number;
  maximized?: boolean;
  fullScreen?: boolean;
}

export interface LaunchOptions {
  browser: FoundBrowser;
  /** The page the window shows. */
  url: string;
  /** The window's own profile folder. */
  profileDir: string;
  bounds?: InitialBounds;
  env?: NodeJS.ProcessEnv;
}

export interface LaunchedWindow {
  readonly cdp: CdpPipe;
  readonly pid: number;
  /** Resolves when the browser process has exited (its window was closed, or it was killed). */
  readonly exited: Promise<void>;
  /** Ends the browser at once (SIGKILL of its process group). */
  kill(): void;
}

/**
 * Flags for a window that is an app, not a browser: `--app` (no tabs, no address bar), a private
 * profile, the DevTools protocol on a pipe only this process holds, and nothing that phones home
 * or asks questions on a first run.
 */
export function windowFlags(options: Pick<LaunchOptions, "bounds" | "env">): string[] {
  const env = options.env ?? process.env;
  const flags = [
    "--remote-debugging-pipe",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    // The system keyring would ask the user to unlock it for a window that stores no passwords.
    "--password-store=basic",
  ];
  const b = options.bounds ?? {};
  if (b.width !== undefined || b.height !== undefined) flags.push(`--window-size=${Math.round(b.width ?? 800)},${Math.round(b.height ?? 600)}`);
  if (b.left !== undefined || b.top !== undefined) flags.push(`--window-position=${Math.round(b.left ?? 0)},${Math.round(b.top ?? 0)}`);
  if (b.maximized) flags.push("--start-maximized");
  if (b.fullScreen) flags.push("--start-fullscreen");
  // Chromium refuses to start as root with its sandbox on ("Running as root without
  // --no-sandbox is not supported"): containers and CI run as root. A desktop user never does.
  // `--test-type` keeps Chromium from covering the app with a "You are using an unsupported
  // command-line flag: --no-sandbox" bar.
  if (process.platform === "linux" && process.getuid?.() === 0) flags.push("--no-sandbox", "--test-type");
  // Anything else the machine needs (`--disable-gpu` without a GPU, a proxy, a debugging port).
  flags.push(...(env.WEFT_BROWSER_FLAGS ?? "").split(/\s+/).filter(Boolean));
  return flags;
}

/** Opens `url` in an app window of `browser` (chrome-launcher starts and tracks the process). */
export async function launchWindow(options: LaunchOptions): Promise<LaunchedWindow> {
  const chrome = await launch({
    chromePath: options.browser.path,
    // chrome-launcher's defaults are for test automation (muted audio, no extensions...): an
    // app window should behave like the user's browser, so only `windowFlags` are passed.
    ignoreDefaultFlags: true,
    chromeFlags: windowFlags(options),
    // The last argument chrome-launcher passes; as `--app=` it opens the one app window.
    startingUrl: `--app=${options.url}`,
    userDataDir: options.profileDir,
    // weft stops the browser itself on SIGINT and runs the session's onClose first.
    handleSIGINT: false,
    logLevel: "silent",
    ...(options.env ? { envVars: options.env } : {}),
  });
  const pipes = chrome.remoteDebuggingPipes;
  if (!pipes) {
    chrome.kill();
    throw new Error("weft: the browser was started without its DevTools pipe");
  }
  const exited = new Promise<void>((resolve) => {
    if (chrome.process.exitCode !== null || chrome.process.signalCode !== null) resolve();
    else chrome.process.once("exit", () => resolve());
  });
  return { cdp: new CdpPipe(pipes.outgoing, pipes.incoming), pid: chrome.pid, exited, kill: () => chrome.kill() };
}
