import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync } from "node:fs";
import { hostname } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import envPaths from "env-paths";

export interface ProfileDir {
  path: string;
  /** Removes the folder if it was a one-off (the app's own one was in use). */
  dispose(): void;
}

/**
 * The browser profile of an app's desktop window: one folder per app under the OS cache folder
 * (`~/.cache/weft/desktop/<app>-<hash>` on Linux, `~/Library/Caches/...` on macOS,
 * `%LOCALAPPDATA%\weft\Cache\...` on Windows), so the window never shares cookies, storage or
 * extensions with the user's own browsing, and keeps its own across runs.
 *
 * When the app's folder is in use (the same app is already open in another window), the browser
 * would hand the new window to the running one and exit: this run gets a fresh folder instead,
 * removed when it ends.
 */
export function profileDirFor(app: string, root = envPaths("weft", { suffix: "" }).cache): ProfileDir {
  const file = resolve(app);
  const name = basename(file, extname(file)).replace(/[^\w.-]+/g, "_") || "app";
  const hash = createHash("sha256").update(file).digest("hex").slice(0, 8);
  const parent = join(root, "desktop");
  const own = join(parent, `${name}-${hash}`);
  mkdirSync(own, { recursive: true });
  if (!inUse(own)) return { path: own, dispose() {} };
  const oneOff = mkdtempSync(join(parent, `${name}-${hash}-run-`));
  return { path: oneOff, dispose: () => rmSync(oneOff, { recursive: true, force: true, maxRetries: 5 }) };
}

/**
 * Chrome holds a profile with a `SingletonLock` symlink to `<host>-<pid>`; a lock left by a
 * browser that crashed names a process that is gone (Chrome itself then takes the folder over).
 */
function inUse(dir: string): boolean {
  let target: string;
  try {
    if (!lstatSync(join(dir, "SingletonLock")).isSymbolicLink()) return true; // Windows' lock file
    target = readlinkSync(join(dir, "SingletonLock"));
  } catch {
    return false;
  }
  const dash = target.lastIndexOf("-");
  const host = target.slice(0, dash);
  const pid = Number(target.slice(dash + 1));
  if (host !== hostname() || !Number.isInteger(pid)) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"; // alive, someone else's
  }
}
