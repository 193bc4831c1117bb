import * as vscode from "vscode";
import { ChannelError, describeNode, type ControlNode } from "@weft/devtools-client";
import type { ConnectionManager } from "../connection/connectionManager.ts";
import { openLocation } from "./openLocation.ts";

/** The row the command was run on, or the tree's selection when it came from the palette. */
function targetNode(treeView: vscode.TreeView<ControlNode>, node: ControlNode | undefined): ControlNode | undefined {
  return node ?? treeView.selection[0];
}

function connected(connection: ConnectionManager) {
  const channel = connection.channel;
  const sessionId = connection.model.watched;
  if (!channel || !sessionId) {
    void vscode.window.showInformationMessage("No session is shown: connect to weft dev and open the app in a browser.");
    return null;
  }
  return { channel, sessionId };
}

/** `weft.revealInEditor`: opens the line that created the control. */
export function revealInEditor(connection: ConnectionManager, treeView: vscode.TreeView<ControlNode>) {
  return async (arg?: ControlNode) => {
    const node = targetNode(treeView, arg);
    if (!node) return void vscode.window.showInformationMessage("Select a control in the Control Tree first.");
    const c = connected(connection);
    if (!c) return;
    try {
      const { location } = await c.channel.request("get-source", { sessionId: c.sessionId, id: node.id });
      await openLocation(location);
    } catch (err) {
      if (err instanceof ChannelError && err.code === "NOT_FOUND") {
        return void vscode.window.showInformationMessage(
          `weft does not know where ${describeNode(node)} was created: weft made it itself, or it was built before the devserver's agent attached.`,
        );
      }
      void vscode.window.showErrorMessage(`Could not reveal ${describeNode(node)}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}

/** `weft.revealHandler`: opens the definition of one of the control's handlers (asks which, when several). */
export function revealHandler(connection: ConnectionManager, treeView: vscode.TreeView<ControlNode>) {
  return async (arg?: ControlNode) => {
    const node = targetNode(treeView, arg);
    if (!node) return void vscode.window.showInformationMessage("Select a control in the Control Tree first.");
    const c = connected(connection);
    if (!c) return;
    try {
      const props = await c.channel.request("get-props", { sessionId: c.sessionId, id: node.id });
      if (props.handlers.length === 0) return void vscode.window.showInformationMessage(`${describeNode(node)} has no handlers.`);
      const event =
        props.handlers.length === 1
          ? props.handlers[0]
          : await vscode.window.showQuickPick(
              props.handlers.map((h) => ({ label: `on${h[0]!.toUpperCase()}${h.slice(1)}`, event: h })),
              { placeHolder: `Which handler of ${describeNode(node)}?` },
            ).then((picked) => picked?.event);
      if (!event) return;
      const { location } = await c.channel.request("get-source", { sessionId: c.sessionId, id: node.id, event });
      await openLocation(location);
    } catch (err) {
      if (err instanceof ChannelError && err.code === "NOT_FOUND") {
        return void vscode.window.showInformationMessage(`weft cannot tell where that handler of ${describeNode(node)} is defined (${err.message}).`);
      }
      void vscode.window.showErrorMessage(`Could not go to the handler of ${describeNode(node)}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}
