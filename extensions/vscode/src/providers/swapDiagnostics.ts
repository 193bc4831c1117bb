import * as vscode from "vscode";
import type { ConnectionManager } from "../connection/connectionManager.ts";
import { resolveFile } from "./swapsProvider.ts";

/**
 * A save the devserver could not take (a syntax error, an exception while the new code built
 * the page) as a diagnostic on its file and line, in the editor and the Problems view. Cleared
 * by the next good save or when the devserver goes away.
 */
export class SwapDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection("weft");
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly connection: ConnectionManager) {
    this.disposables.push({ dispose: connection.model.swaps.subscribe(() => this.update()) });
  }

  private update(): void {
    this.collection.clear();
    const current = this.connection.model.swaps.error;
    if (!current) return;
    const { error } = current;
    const file = resolveFile(error.file, this.connection.model.hello?.app.root);
    if (!file) return;
    const line = Math.max(0, (error.line ?? 1) - 1);
    const column = Math.max(0, (error.column ?? 1) - 1);
    const diagnostic = new vscode.Diagnostic(
      new vscode.Range(line, column, line, column + 1),
      `${error.name !== "Error" ? `${error.name}: ` : ""}${error.message} (weft dev kept the old code running)`,
      vscode.DiagnosticSeverity.Error,
    );
    diagnostic.source = "weft dev";
    if (error.code) diagnostic.code = error.code;
    this.collection.set(vscode.Uri.file(file), [diagnostic]);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
