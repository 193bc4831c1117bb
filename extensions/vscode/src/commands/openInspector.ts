import * as vscode from "vscode";
import type { ConnectionManager } from "../connection/connectionManager.ts";
import type { InspectorPanel } from "../providers/inspectorPanel.ts";

function needTarget(connection: ConnectionManager) {
  const target = connection.target;
  if (!target) void vscode.window.showInformationMessage("Not connected to weft dev: start it, or connect to its URL.");
  return target;
}

/** `weft.openInspector`: in a panel or the browser, as `weft.inspector.openIn` says. */
export function openInspector(connection: ConnectionManager, panel: InspectorPanel) {
  return async () => {
    const target = needTarget(connection);
    if (!target) return;
    const where = vscode.workspace.getConfiguration("weft").get<string>("inspector.openIn", "panel");
    if (where === "browser") await vscode.env.openExternal(vscode.Uri.parse(target.inspector));
    else await panel.show(target.inspector);
  };
}

/** `weft.openInspectorInBrowser` */
export function openInspectorInBrowser(connection: ConnectionManager) {
  return async () => {
    const target = needTarget(connection);
    if (target) await vscode.env.openExternal(vscode.Uri.parse(target.inspector));
  };
}

/** `weft.openApp`: the app in the default browser (a new session). */
export function openApp(connection: ConnectionManager) {
  return async () => {
    const url = connection.model.hello?.app.url ?? connection.target?.app;
    if (!url) return void needTarget(connection);
    await vscode.env.openExternal(vscode.Uri.parse(url));
  };
}
