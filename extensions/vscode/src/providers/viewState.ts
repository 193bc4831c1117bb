import * as vscode from "vscode";
import type { ConnectionManager } from "../connection/connectionManager.ts";
import type { ControlNode } from "@weft/devtools-client";

/**
 * What the views say when they have nothing to list (a plain sentence each), their titles'
 * descriptions, and the context keys the menus use: `weft.connected`, `weft.watching`.
 */
export class ViewState implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly connection: ConnectionManager,
    private readonly sessionsView: vscode.TreeView<unknown>,
    private readonly treeView: vscode.TreeView<ControlNode>,
  ) {
    const { model } = connection;
    this.disposables.push(
      connection.onDidChangeState(() => this.update()),
      { dispose: model.sessions.subscribe(() => this.update()) },
      { dispose: model.onWatch(() => this.update()) },
      {
        dispose: model.tree.subscribe((change) => {
          if (change.reset) this.update();
        }),
      },
    );
    this.update();
  }

  private update(): void {
    const { state, model } = this.connection;
    const connected = state === "connected";
    void vscode.commands.executeCommand("setContext", "weft.connected", connected);
    void vscode.commands.executeCommand("setContext", "weft.watching", connected && model.watched !== null);
    this.sessionsView.description = connected && model.hello ? model.hello.app.url.replace(/^https?:\/\//, "").replace(/\/$/, "") : undefined;
    const session = model.sessions.selected;
    this.treeView.description = session ? (session.title ? `${session.title} ${session.route}` : session.route) : undefined;
    this.treeView.message = !connected
      ? state === "connecting"
        ? "Connecting to weft dev…"
        : "Not connected to weft dev."
      : !model.watched
        ? "No session to show: open the app in a browser."
        : model.tree.root
          ? undefined
          : "Loading the session's controls…";
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
