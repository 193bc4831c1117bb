import * as vscode from "vscode";
import type { ConnectionManager } from "../connection/connectionManager.ts";
import { targetFromInput } from "../connection/devServerInfo.ts";
import type { DevServerDiscovery } from "../connection/discovery.ts";

/** `weft.connect`: asks for the `Inspector:` URL weft dev printed and connects to it. */
export function connect(connection: ConnectionManager, discovery: DevServerDiscovery) {
  return async () => {
    const input = await vscode.window.showInputBox({
      title: "Connect to weft dev",
      prompt: "The Inspector: URL that weft dev printed (it carries the token)",
      placeHolder: "http://127.0.0.1:8551/?token=…",
      value: discovery.targets[0]?.inspector ?? "",
      ignoreFocusOut: true,
      validateInput: (text) => {
        if (!text.trim()) return null;
        try {
          targetFromInput(text);
          return null;
        } catch (err) {
          return err instanceof Error ? err.message : String(err);
        }
      },
    });
    if (!input?.trim()) return;
    const target = targetFromInput(input);
    try {
      await vscode.window.withProgress({ location: { viewId: "weft.sessions" }, title: "Connecting to weft dev" }, () => connection.connectTo(target));
    } catch (err) {
      void vscode.window.showErrorMessage(`Could not connect to weft dev: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}

/** `weft.disconnect`: leaves the devserver; it is not rejoined by itself until it restarts or another one starts. */
export function disconnect(connection: ConnectionManager) {
  return () => connection.disconnect();
}

/** `weft.chooseDevServer`: which of the running weft dev the sidebar shows. */
export function chooseDevServer(connection: ConnectionManager) {
  return async () => {
    const targets = connection.targets;
    if (targets.length === 0) return void vscode.window.showInformationMessage("No weft dev runs in this workspace: start one (weft: Start weft dev for This File).");
    const current = connection.target;
    const picked = await vscode.window.showQuickPick(
      targets.map((t) => ({
        label: vscode.workspace.asRelativePath(t.entry ?? t.url),
        description: `${t.app ?? ""}${current?.url === t.url && current.pid === t.pid ? " · shown" : ""}`,
        detail: `pid ${t.pid}, started ${t.startedAt ? new Date(t.startedAt).toLocaleTimeString() : "?"}`,
        target: t,
      })),
      { title: "Choose weft dev", placeHolder: "Which weft dev should the sidebar show?" },
    );
    if (!picked) return;
    try {
      await connection.connectTo(picked.target);
    } catch (err) {
      void vscode.window.showErrorMessage(`Could not connect to weft dev: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}
