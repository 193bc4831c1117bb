import * as vscode from "vscode";
import { nonce } from "./nonce.ts";

/**
 * The inspector in an editor panel: the page `weft dev` serves, in an iframe. One panel; opening
 * it again brings it forward (and points it at the current devserver).
 */
export class InspectorPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | null = null;

  async show(inspectorUrl: string): Promise<void> {
    // Through asExternalUri, so it works when VS Code runs remotely (code-server, SSH) too.
    const external = await vscode.env.asExternalUri(vscode.Uri.parse(inspectorUrl));
    const url = external.toString(true);
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel("weft.inspector", "weft Inspector", vscode.ViewColumn.Beside, {
        // The framed inspector inherits the webview's sandbox: without scripts it could not run.
        // This page itself runs none (its CSP allows no script).
        enableScripts: true,
        retainContextWhenHidden: true,
      });
      this.panel.onDidDispose(() => (this.panel = null));
    }
    const origin = new URL(url).origin;
    const n = nonce();
    this.panel.webview.html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; frame-src ${origin}; style-src 'nonce-${n}'">
<style nonce="${n}">html, body, iframe { margin: 0; padding: 0; width: 100%; height: 100vh; border: 0; overflow: hidden; }</style>
<title>weft Inspector</title>
</head>
<body><iframe src="${escapeAttribute(url)}" title="weft Inspector"></iframe></body>
</html>`;
    this.panel.reveal();
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
