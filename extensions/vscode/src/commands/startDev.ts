import { basename, relative } from "node:path";
import * as vscode from "vscode";
import type { ConnectionManager } from "../connection/connectionManager.ts";
import type { DevServerDiscovery } from "../connection/discovery.ts";

/**
 * `weft.startDev`: runs `weft dev <file>` for the current file in an integrated terminal (the
 * command is `weft.devCommand`), in the file's workspace folder. Running it again for the same
 * file replaces that terminal, which stops the old devserver. The sidebar follows the new
 * devserver by itself once it has written its `.weft/devserver-<pid>.json`, whatever it showed
 * before (even after a Disconnect).
 */
export function startDev(discovery: DevServerDiscovery, connection: ConnectionManager) {
  const terminals = new Map<string, vscode.Terminal>();
  const command = async (arg?: vscode.Uri) => {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme !== "file" || !/\.[cm]?[jt]sx?$/.test(uri.fsPath)) {
      return void vscode.window.showInformationMessage("Open the app's .ts file first: weft dev runs the file in the active editor.");
    }
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document?.isDirty) await document.save();
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const cwd = folder?.uri.fsPath;
    const file = cwd ? relative(cwd, uri.fsPath) : uri.fsPath;
    terminals.get(uri.fsPath)?.dispose();
    const terminal = vscode.window.createTerminal({ name: `weft dev ${basename(uri.fsPath)}`, ...(cwd ? { cwd } : {}) });
    terminals.set(uri.fsPath, terminal);
    const devCommand = vscode.workspace.getConfiguration("weft").get<string>("devCommand", "npx weft dev");
    connection.expectStarted(uri.fsPath);
    terminal.sendText(`${devCommand} ${quote(file)}`);
    terminal.show(true);
    // The file appears within a second or two; look a few times rather than wait for the poll.
    for (const ms of [1000, 2000, 4000]) setTimeout(() => void discovery.refresh(), ms);
  };
  const closed = vscode.window.onDidCloseTerminal((t) => {
    for (const [file, terminal] of terminals) if (terminal === t) terminals.delete(file);
  });
  return { command, disposable: closed };
}

function quote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
