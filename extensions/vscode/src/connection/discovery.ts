import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import * as vscode from "vscode";
import { parseDevServerInfo, targetOf, type ChannelTarget } from "./devServerInfo.ts";

/** How often the workspace folders are looked at (watchers can miss `.weft/`). */
const POLL_MS = 3000;
/** `devserver-<pid>.json`, one per running weft dev; `devserver.json` from an older weft. */
const INFO_FILE = /^devserver(-\d+)?\.json$/;

/**
 * Finds the running `weft dev`s of this workspace by the `.weft/devserver-<pid>.json` each one
 * writes: in each workspace folder, and anywhere below one (an app in a sub-folder of a
 * monorepo). Watches the files and also looks every few seconds, since file watchers skip folders
 * some setups exclude. A file whose process is gone (killed) is left out. Which one to follow is
 * the connection manager's choice (chooseTarget.ts).
 */
export class DevServerDiscovery implements vscode.Disposable {
  private readonly found = new vscode.EventEmitter<readonly ChannelTarget[]>();
  /** The running devservers changed (one started, stopped or restarted). */
  readonly onDidChange = this.found.event;
  private current: ChannelTarget[] = [];
  /** `.weft/` folders seen, below the workspace folders. */
  private readonly folders = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private scanning: Promise<void> | null = null;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher("**/.weft/devserver*.json");
    const note = (uri: vscode.Uri) => {
      this.folders.add(dirname(uri.fsPath));
      void this.scan();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(note),
      watcher.onDidChange(note),
      watcher.onDidDelete(() => void this.scan()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.searchWorkspace()),
      this.found,
    );
    this.timer = setInterval(() => void this.scan(), POLL_MS);
    void this.searchWorkspace();
  }

  /** Every running devserver of the workspace, newest first. */
  get targets(): readonly ChannelTarget[] {
    return this.current;
  }

  /** Looks now (a command, or the terminal that runs weft dev just printed its URLs). */
  refresh(): Promise<void> {
    return this.scan();
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  /** Files below the folders (once, and when folders change); the folders' own `.weft/` are looked at each scan. */
  private async searchWorkspace(): Promise<void> {
    try {
      const uris = await vscode.workspace.findFiles("**/.weft/devserver*.json", "**/node_modules/**", 50);
      for (const uri of uris) this.folders.add(dirname(uri.fsPath));
    } catch (err) {
      this.log.warn(`could not search the workspace for .weft/devserver-*.json: ${String(err)}`);
    }
    await this.scan();
  }

  private scan(): Promise<void> {
    this.scanning ??= this.scanOnce().finally(() => (this.scanning = null));
    return this.scanning;
  }

  private async scanOnce(): Promise<void> {
    const folders = new Set(this.folders);
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme === "file") folders.add(join(folder.uri.fsPath, ".weft"));
    }
    const found = new Map<string, ChannelTarget>();
    for (const folder of folders) {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch {
        continue; // not there (yet, or any more)
      }
      for (const name of names) {
        if (!INFO_FILE.test(name)) continue;
        const file = join(folder, name);
        try {
          const info = parseDevServerInfo(await readFile(file, "utf8"), file);
          if (!isAlive(info.pid)) continue; // a devserver that was killed leaves its file behind
          const target = targetOf(info, file);
          found.set(`${info.pid}:${info.startedAt}`, target);
        } catch (err) {
          // Read mid-write, or a file of another weft: said once in the log.
          if ((err as NodeJS.ErrnoException).code !== "ENOENT") this.log.warn(String(err instanceof Error ? err.message : err));
        }
      }
    }
    const next = [...found.values()].sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
    if (next.length === this.current.length && next.every((t, i) => t.url === this.current[i]!.url && t.pid === this.current[i]!.pid && t.startedAt === this.current[i]!.startedAt)) return;
    this.current = next;
    this.found.fire(next);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"; // alive, but another user's
  }
}
