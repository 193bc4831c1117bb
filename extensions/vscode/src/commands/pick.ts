import * as vscode from "vscode";
import type { ControlNode } from "@weft/devtools-client";
import type { ConnectionManager } from "../connection/connectionManager.ts";
import type { AppHighlight } from "../providers/appHighlight.ts";

/**
 * `weft.pick` and `weft.stopPicking`: the inspector's picker, from the Control Tree. The shown
 * session's tab outlines the control under the pointer; a click there (which does not reach the
 * app) selects that control in the tree. Escape in the tab, Stop Picking, or another session
 * shown ends it. A pick the inspector started selects the control here too (every tool hears
 * the `picked`), without taking the focus.
 */
export function pick(connection: ConnectionManager, treeView: vscode.TreeView<ControlNode>, highlight: AppHighlight) {
  let picking: { sessionId: string; notice: vscode.Disposable } | null = null;

  const ended = () => {
    picking?.notice.dispose();
    picking = null;
    highlight.setPicking(false);
    void vscode.commands.executeCommand("setContext", "weft.picking", false);
  };

  const start = () => {
    const channel = connection.channel;
    const sessionId = connection.model.watched;
    if (!channel || !sessionId) {
      return void vscode.window.showInformationMessage("No session is shown: connect to weft dev and open the app in a browser.");
    }
    picking?.notice.dispose();
    highlight.setPicking(true);
    channel.send({ type: "pick", sessionId, on: true });
    picking = { sessionId, notice: vscode.window.setStatusBarMessage("$(inspect) weft: click a control in the app's tab to select it here (Escape there cancels)") };
    void vscode.commands.executeCommand("setContext", "weft.picking", true);
  };

  const stop = () => {
    if (picking) connection.channel?.send({ type: "pick", sessionId: picking.sessionId, on: false });
    ended();
  };

  const disposables: vscode.Disposable[] = [
    connection.onDidReceive((message) => {
      if (message.type !== "picked" || message.sessionId !== connection.model.watched) return;
      const mine = picking?.sessionId === message.sessionId;
      if (mine) ended();
      const node = message.id === null ? undefined : connection.model.tree.get(message.id);
      if (node) void treeView.reveal(node, { select: true, focus: mine, expand: true });
    }),
    { dispose: connection.model.onWatch(() => picking && stop()) },
    connection.onDidChangeState((state) => {
      if (state !== "connected") ended();
    }),
  ];
  return { start, stop, disposable: vscode.Disposable.from(...disposables, { dispose: ended }) };
}
