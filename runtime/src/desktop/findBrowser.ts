import { accessSync, constants } from "node:fs";
import { basename } from "node:path";
import { Launcher } from "chrome-launcher";
import { getAnyEdgeStable } from "edge-paths";

/** A browser that can show a desktop window: its executable and a name for messages. */
export interface FoundBrowser {
  /** The browser's executable, e.g. /usr/bin/chromium. */
  path: string;
  /** What messages call it: "Google Chrome", "Chromium", "Microsoft Edge". */
  name: string;
}

/** No Chrome, Chromium or Edge was found (exit code 2 on the command line). */
export class BrowserNotFoundError extends Error {
  /** Always "BrowserNotFoundError", to tell it apart in a `catch`. */
  override name = "BrowserNotFoundError";
}

export interface BrowserSearch {
  env?: NodeJS.ProcessEnv;
  /** Chrome and Chromium installations, best first (chrome-launcher's search). */
  chromes?: () => string[];
  /** An installed Edge, or a throw (edge-paths' search). */
  edge?: () => string;
}

/** What the search looks at, per platform, for the "no browser found" message. */
const searched: Record<string, string> = {
  linux: "google-chrome-stable, google-chrome, chromium-browser and chromium on the PATH, Chrome/Chromium .desktop files, microsoft-edge-stable",
  darwin: "Google Chrome and Chromium in /Applications and ~/Applications (and what Launch Services knows), Microsoft Edge in /Applications",
  win32: "Chrome in %LOCALAPPDATA%, %PROGRAMFILES% and %PROGRAMFILES(X86)%, Microsoft Edge in the same folders",
};

/**
 * Finds the browser for a desktop window: `CHROME_PATH` if set (and then only it: an explicit
 * choice that does not work is an error, not a reason to pick another browser), else an
 * installed Chrome or Chromium (chrome-launcher's search), else Microsoft Edge (edge-paths').
 */
export function findBrowser(search: BrowserSearch = {}): FoundBrowser {
  const env = search.env ?? process.env;
  const chosen = env.CHROME_PATH;
  if (chosen) {
    try {
      accessSync(chosen, constants.X_OK);
    } catch {
      throw new BrowserNotFoundError(
        `CHROME_PATH is ${chosen}, which is not an executable file. Point CHROME_PATH at a Chrome, Chromium or Edge executable, or unset it to search for one.`,
      );
    }
    return { path: chosen, name: nameOf(chosen) };
  }
  let chromes: string[] = [];
  try {
    chromes = (search.chromes ?? (() => Launcher.getInstallations()))();
  } catch {
    // chrome-launcher throws when it finds none; Edge may still be there
  }
  const chrome = chromes.find(isExecutable);
  if (chrome) return { path: chrome, name: nameOf(chrome) };
  try {
    const edge = (search.edge ?? getAnyEdgeStable)();
    if (isExecutable(edge)) return { path: edge, name: "Microsoft Edge" };
  } catch {
    // not installed either
  }
  throw new BrowserNotFoundError(
    `no Chrome, Chromium or Edge found for the desktop window. Searched: CHROME_PATH (not set), ` +
      `${searched[process.platform] ?? "the usual install locations"}. ` +
      `Install one of them, or set CHROME_PATH to the browser's executable.`,
  );
}

function isExecutable(path: string | undefined): path is string {
  if (!path) return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function nameOf(path: string): string {
  const file = basename(path).toLowerCase();
  if (file.includes("edge")) return "Microsoft Edge";
  if (file.includes("chromium")) return "Chromium";
  if (file.includes("chrome")) return "Google Chrome";
  return basename(path);
}
