import * as vscode from "vscode";
import type { SessionInfo } from "@weft/protocol/channel";
import type { ConnectionManager } from "../connection/connectionManager.ts";

/**
 * The Sessions view: one row per live session of the connected devserver (a browser tab each),
 * newest first; the one whose controls are shown is marked. A click shows another one.
 */
export class SessionsProvider implements vscode.TreeDataProvider<SessionInfo>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly connection: ConnectionManager) {
    const { sessions } = connection.model;
    this.disposables.push(
      { dispose: sessions.subscribe(() => this.changed.fire()) },
      { dispose: sessions.onSelect(() => this.changed.fire()) },
    );
  }

  getTreeItem(session: SessionInfo): vscode.TreeItem {
    const shown = this.connection.model.sessions.selected?.id === session.id;
    const item = new vscode.TreeItem(session.title ? `${session.title}` : session.route);
    item.id = session.id;
    const state = session.crashed ? "crashed" : session.state === "resuming" ? "tab gone, may resume" : "connected";
    item.description = [session.title ? session.route : "", state, shown ? "· shown" : ""].filter(Boolean).join("  ");
    item.iconPath = session.crashed
      ? new vscode.ThemeIcon("error", new vscode.ThemeColor("errorForeground"))
      : session.state === "connected"
        ? new vscode.ThemeIcon(shown ? "eye" : "circle-filled", new vscode.ThemeColor("testing.iconPassed"))
        : new vscode.ThemeIcon("debug-pause");
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**Session** \`${session.id}\`\n\n`);
    tooltip.appendMarkdown(`Route: \`${session.route}\`  \nFrom: ${session.clientIp}  \nOpened: ${new Date(session.createdAt).toLocaleTimeString()}`);
    if (session.userAgent) tooltip.appendMarkdown(`  \nBrowser: ${session.userAgent}`);
    if (session.crashed) tooltip.appendMarkdown(`\n\nmain threw: ${session.crashed}`);
    item.tooltip = tooltip;
    item.contextValue = "session";
    item.command = { command: "weft.selectSession", title: "Show This Session's Controls", arguments: [session.id] };
    return item;
  }

  getChildren(session?: SessionInfo): SessionInfo[] {
    return session ? [] : this.connection.model.sessions.all;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
