import * as vscode from "vscode";
import type { ControlNode } from "@weft/devtools-client";
import type { ConnectionManager } from "../connection/connectionManager.ts";
import type { ControlTreeProvider } from "./controlTreeProvider.ts";

/**
 * How long a hovered or selected row's control stays outlined in the app. VS Code tells an
 * extension when a row is hovered (its tooltip is resolved) but never when the pointer leaves,
 * so the outline goes after a while, or at once when another row is hovered or the window is left.
 */
const HOLD_MS = 3000;

/**
 * Outlines in the app's tab the control of the Control Tree row being hovered or selected, as
 * the inspector does for its rows (the agent's `highlight`: the tab draws the outline with the
 * control's name). A row's hover is known once per drawing of the row, so a row whose outline
 * ended is redrawn: its next hover outlines it again (and fetches fresh props for its tooltip).
 */
export class AppHighlight implements vscode.Disposable {
  private shown: { node: ControlNode; sessionId: string } | null = null;
  /** While the app's tab is a picker, the outline is its own (it follows the pointer there). */
  private picking = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly connection: ConnectionManager,
    private readonly controls: ControlTreeProvider,
    treeView: vscode.TreeView<ControlNode>,
  ) {
    this.disposables.push(
      controls.onDidHover((node) => this.show(node)),
      treeView.onDidChangeSelection((e) => {
        if (e.selection[0]) this.show(e.selection[0]);
      }),
      treeView.onDidChangeVisibility((e) => {
        if (!e.visible) this.clear();
      }),
      vscode.window.onDidChangeWindowState((state) => {
        if (!state.focused) this.clear();
      }),
      { dispose: connection.model.onWatch(() => this.forget()) },
      connection.onDidChangeState((state) => {
        if (state !== "connected") this.forget();
      }),
    );
  }

  /** Pick mode started or ended in the shown session's tab: the rows outline nothing meanwhile. */
  setPicking(on: boolean): void {
    if (on) this.clear();
    this.picking = on;
  }

  private show(node: ControlNode): void {
    if (this.picking) return;
    const channel = this.connection.channel;
    const sessionId = this.connection.model.watched;
    if (!channel || !sessionId) return;
    const before = this.shown;
    this.shown = { node, sessionId };
    channel.send({ type: "highlight", sessionId, id: node.id });
    // Not from within VS Code's resolve of the hovered row: the other row is redrawn just after.
    if (before && before.node !== node) setTimeout(() => this.controls.redrawRow(before.node), 0);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.clear(), HOLD_MS);
  }

  /** Removes the outline from the app. */
  private clear(): void {
    const shown = this.shown;
    if (!shown) return;
    this.forget();
    if (this.connection.model.watched === shown.sessionId) this.connection.channel?.send({ type: "highlight", sessionId: shown.sessionId, id: null });
    this.controls.redrawRow(shown.node);
  }

  /** The session or the devserver went away, and its outline with it. */
  private forget(): void {
    clearTimeout(this.timer);
    this.shown = null;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
