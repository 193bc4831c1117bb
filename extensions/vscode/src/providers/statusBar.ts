import { existsSync } from "node:fs";
import { join } from "node:path";
import * as vscode from "vscode";
import type { ConnectionManager } from "../connection/connectionManager.ts";

/**
 * One status bar item: whether weft dev is connected, how many sessions it serves, and how long
 * the last swap took (or that the last save could not be taken). A click opens the sidebar, or
 * asks for a URL when nothing is connected. While disconnected it shows only in a workspace
 * that uses weft, so it stays out of every other TypeScript project's status bar.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("weft.status", vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly connection: ConnectionManager) {
    this.item.name = "weft";
    const { model } = connection;
    this.disposables.push(
      connection.onDidChangeState(() => this.update()),
      { dispose: model.sessions.subscribe(() => this.update()) },
      { dispose: model.swaps.subscribe(() => this.update()) },
    );
    this.update();
  }

  private update(): void {
    const { state, model } = this.connection;
    const item = this.item;
    item.backgroundColor = undefined;
    if (state === "disconnected" && !usesWeft()) return item.hide();
    item.show();
    if (state !== "connected") {
      item.text = state === "connecting" ? "$(sync~spin) weft" : "$(debug-disconnect) weft";
      item.tooltip = state === "connecting" ? "Connecting to weft dev…" : "Not connected to weft dev. Click to connect to a URL.";
      item.command = "weft.connect";
      return;
    }
    const sessions = model.sessions.size;
    const parts = [`${sessions} session${sessions === 1 ? "" : "s"}`];
    const last = model.swaps.last;
    if (model.swaps.error) {
      parts.push("build error");
      item.backgroundColor = new vscode.ThemeColor("statusBarItem.errorBackground");
    } else if (last) {
      parts.push(`swap ${Math.round(last.ms)} ms`);
    }
    item.text = `$(${model.swaps.error ? "error" : "zap"}) weft: ${parts.join(" · ")}`;
    const tooltip = new vscode.MarkdownString(`Connected to weft dev of \`${model.hello?.app.entry ?? "?"}\`\n\nApp: ${model.hello?.app.url ?? "?"}`);
    if (last) tooltip.appendMarkdown(`\n\nLast swap: #${last.id}, ${Math.round(last.ms)} ms, ${last.outcome}`);
    if (model.swaps.error) tooltip.appendMarkdown(`\n\nThe last save could not be taken: ${model.swaps.error.error.message}`);
    item.tooltip = tooltip;
    item.command = "workbench.view.extension.weft";
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** A folder with `node_modules/weft` or a `.weft/` (weft dev ran there). */
function usesWeft(): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some(
    (f) => f.uri.scheme === "file" && (existsSync(join(f.uri.fsPath, "node_modules", "weft")) || existsSync(join(f.uri.fsPath, ".weft"))),
  );
}
