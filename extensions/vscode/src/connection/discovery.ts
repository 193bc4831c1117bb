import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as vscode from "vscode";
import { parseDevServerInfo, targetOf, type ChannelTarget, type DevServerInfo } from "./devServerInfo.ts";

/** How often the workspace folders are looked at while nothing is found (watchers can miss `.weft/`). */
const POLL_MS = 3000;

/**
 * Finds a running `weft dev` of this workspace by the `.weft/devserver.json` it writes: in each
 * workspace folder, and anywhere below one (an app in a sub-folder of a monorepo). Watches the
 * file and also looks every few seconds, since file watchers skip folders some setups exclude.
 * Of several, the newest wins; a file whose process is gone is ignored.
 */
export class DevServerDiscovery implements vscode.Disposable {
  private readonly found = new vscode.EventEmitter<ChannelTarget | null>();
  /** The best devserver now (null: none), announced when it changes. */
  readonly onDidChange = this.found.event;
  private current: ChannelTarget | null = null;
  private readonly known = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private scanning: Promise<void> | null = null;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher("**/.weft/devserver.json");
    const note = (uri: vscode.Uri) => {
      this.known.add(uri.fsPath);
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

  get target(): ChannelTarget | null {
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

  /** Files below the folders (once, and when folders change); the folders' own are looked at each scan. */
  private async searchWorkspace(): Promise<void> {
    try {
      const uris = await vscode.workspace.findFiles("**/.weft/devserver.json", "**/node_modules/**", 20);
      for (const uri of uris) this.known.add(uri.fsPath);
    } catch (err) {
      this.log.warn(`could not search the workspace for .weft/devserver.json: ${String(err)}`);
    }
    await this.scan();
  }

  private scan(): Promise<void> {
    this.scanning ??= this.scanOnce().finally(() => (this.scanning = null));
    return this.scanning;
  }

  private async scanOnce(): Promise<void> {
    const files = new Set(this.known);
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme === "file") files.add(join(folder.uri.fsPath, ".weft", "devserver.json"));
    }
    let best: { info: DevServerInfo; file: string } | null = null;
    for (const file of files) {
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch {
        continue; // not there (yet, or any more)
      }
      try {
        const info = parseDevServerInfo(text, file);
        if (!isAlive(info.pid)) continue; // a devserver that was killed leaves its file behind
        if (!best || info.startedAt > best.info.startedAt) best = { info, file };
      } catch (err) {
        this.log.warn(String(err instanceof Error ? err.message : err));
      }
    }
    const next = best ? targetOf(best.info, best.file) : null;
    if (next?.url === this.current?.url) return;
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
