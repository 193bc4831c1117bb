import * as vscode from "vscode";
import type { MessageRow } from "@weft/protocol/channel";
import type { ConnectionManager } from "../connection/connectionManager.ts";
import { nonce } from "./nonce.ts";

/** Rows sent to the webview when it (re)opens; it keeps at most this many too. */
const SHOWN_ROWS = 500;
/** Appended rows are posted at most this often. */
const POST_MS = 100;

/** From the webview. */
type FromView = { type: "ready" } | { type: "open"; seq: number };
/** To the webview. */
export type ToView =
  | { type: "reset"; session: string | null; rows: MessageRow[]; empty: string }
  | { type: "append"; rows: MessageRow[] }
  | { type: "dropped"; count: number }
  | { type: "detail"; seq: number; text: string }
  | { type: "detail-gone"; seq: number; reason: string };

/**
 * The Messages view: the shown session's protocol frames (direction, kind, size, patch ops),
 * newest at the bottom; a click fetches that frame's text from the app. A webview, because a
 * table of hundreds of rows that grows many times a second is what a tree view is worst at.
 * Rows are posted in batches and only while the view is visible.
 */
export class MessagesViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = "weft.messages";
  private view: vscode.WebviewView | null = null;
  private pending: MessageRow[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly connection: ConnectionManager,
  ) {
    const { model } = connection;
    this.disposables.push(
      { dispose: model.messages.subscribe((change) => (change.type === "append" ? this.queue(change.rows) : this.reset())) },
      connection.onDidChangeState(() => this.reset()),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const media = vscode.Uri.joinPath(this.extensionUri, "media");
    view.webview.options = { enableScripts: true, localResourceRoots: [media] };
    const n = nonce();
    const script = view.webview.asWebviewUri(vscode.Uri.joinPath(media, "messages.js"));
    const style = view.webview.asWebviewUri(vscode.Uri.joinPath(media, "messages.css"));
    const csp = `default-src 'none'; script-src 'nonce-${n}'; style-src ${view.webview.cspSource}; font-src ${view.webview.cspSource}`;
    view.webview.html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${style}" rel="stylesheet">
<title>Messages</title>
</head>
<body>
<p id="empty" class="empty">No session is shown.</p>
<table id="rows" hidden><thead><tr><th></th><th>#</th><th>kind</th><th class="num">bytes</th><th class="num">ops</th><th>preview</th></tr></thead><tbody></tbody></table>
<p id="dropped" class="dropped" hidden></p>
<section id="detail" hidden><header><span id="detail-title"></span><button id="detail-close" title="Close">×</button></header><pre id="detail-text"></pre></section>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
    this.disposables.push(
      view.webview.onDidReceiveMessage((message: FromView) => this.receive(message)),
      view.onDidChangeVisibility(() => {
        if (view.visible) this.reset();
      }),
      view.onDidDispose(() => {
        if (this.view === view) this.view = null;
      }),
    );
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  private receive(message: FromView): void {
    switch (message.type) {
      case "ready":
        return this.reset();
      case "open":
        return void this.open(message.seq);
      default: {
        const unknown: never = message;
        void unknown;
      }
    }
  }

  private async open(seq: number): Promise<void> {
    const channel = this.connection.channel;
    const sessionId = this.connection.model.watched;
    if (!channel || !sessionId) return;
    try {
      const result = await channel.request("get-message", { sessionId, seq });
      this.post({ type: "detail", seq, text: pretty(result.text) });
    } catch (err) {
      this.post({ type: "detail-gone", seq, reason: err instanceof Error ? err.message : String(err) });
    }
  }

  private queue(rows: readonly MessageRow[]): void {
    if (!this.view?.visible) return; // it gets everything kept when it shows again
    this.pending.push(...rows);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const batch = this.pending.slice(-SHOWN_ROWS);
      this.pending = [];
      this.post({ type: "append", rows: batch });
      const dropped = this.connection.model.messages.dropped;
      if (dropped) this.post({ type: "dropped", count: dropped });
    }, POST_MS);
  }

  private reset(): void {
    if (!this.view?.visible) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
    const { model } = this.connection;
    const empty = !model.connected
      ? "Not connected to weft dev."
      : model.watched
        ? "No messages yet: use the app in its browser tab."
        : "No session is shown: open the app in a browser.";
    this.post({ type: "reset", session: model.watched, rows: model.messages.latest(SHOWN_ROWS), empty });
  }

  private post(message: ToView): void {
    void this.view?.webview.postMessage(message);
  }
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
