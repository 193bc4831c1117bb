import { basename } from "node:path";
import * as vscode from "vscode";
import type { ControlNode } from "@weft/devtools-client";
import type { ConnectionManager } from "../connection/connectionManager.ts";

/**
 * `weft.selectAtCursor`: selects, in the Control Tree, the control the line under the cursor
 * created (or the nearest line above, for a `new Button({` spread over lines). A line that built
 * several (a loop) selects the next one each time it is run.
 */
export function selectAtCursor(connection: ConnectionManager, treeView: vscode.TreeView<ControlNode>) {
  return async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.uri.scheme !== "file") {
      return void vscode.window.showInformationMessage("Put the cursor on a line of the app's code first.");
    }
    const channel = connection.channel;
    const sessionId = connection.model.watched;
    if (!channel || !sessionId) {
      return void vscode.window.showInformationMessage("No session is shown: connect to weft dev and open the app in a browser.");
    }
    const file = editor.document.uri.fsPath;
    const line = editor.selection.active.line + 1;
    try {
      const result = await channel.request("get-controls-at", { sessionId, file, line });
      const nodes = result.ids.map((id) => connection.model.tree.get(id)).filter((n): n is ControlNode => n !== undefined);
      if (nodes.length === 0) {
        return void vscode.window.showInformationMessage(`No control of the shown session was created on line ${line} of ${basename(file)}.`);
      }
      const current = treeView.selection[0];
      const at = current ? nodes.indexOf(current) : -1;
      const node = nodes[(at + 1) % nodes.length]!;
      await treeView.reveal(node, { select: true, focus: false, expand: true });
      if (nodes.length > 1) treeView.message = `${nodes.length} controls were created on line ${result.line}: run the command again for the next one.`;
      else treeView.message = undefined;
    } catch (err) {
      void vscode.window.showErrorMessage(`Could not find the control at the cursor: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}
