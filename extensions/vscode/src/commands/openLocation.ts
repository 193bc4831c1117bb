import * as vscode from "vscode";
import type { SourceLocation } from "@weft/protocol/channel";

/** Opens a file of the app at a 1-based line and column, with the cursor there. */
export async function openLocation(location: SourceLocation): Promise<vscode.TextEditor> {
  const at = new vscode.Position(Math.max(0, location.line - 1), Math.max(0, location.column - 1));
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(location.file), {
    selection: new vscode.Range(at, at),
    preview: true,
  });
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
