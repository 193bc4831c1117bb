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
      value: discovery.target?.inspector ?? "",
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

/** `weft.disconnect`: leaves the devserver; it is not rejoined by itself until another one starts. */
export function disconnect(connection: ConnectionManager) {
  return () => connection.disconnect();
}
