import * as vscode from "vscode";
import { chooseDevServer, connect, disconnect } from "./commands/connect.ts";
import { openApp, openInspector, openInspectorInBrowser } from "./commands/openInspector.ts";
import { pick } from "./commands/pick.ts";
import { revealHandler, revealInEditor } from "./commands/revealInEditor.ts";
import { selectAtCursor } from "./commands/selectAtCursor.ts";
import { startDev } from "./commands/startDev.ts";
import { ConnectionManager } from "./connection/connectionManager.ts";
import { DevServerDiscovery } from "./connection/discovery.ts";
import { AppHighlight } from "./providers/appHighlight.ts";
import { ControlTreeProvider } from "./providers/controlTreeProvider.ts";
import { InspectorPanel } from "./providers/inspectorPanel.ts";
import { MessagesViewProvider } from "./providers/messagesViewProvider.ts";
import { SessionsProvider } from "./providers/sessionsProvider.ts";
import { StatusBar } from "./providers/statusBar.ts";
import { SwapDiagnostics } from "./providers/swapDiagnostics.ts";
import { SwapsProvider } from "./providers/swapsProvider.ts";
import { ViewState } from "./providers/viewState.ts";

/** Wires the extension together; every piece lives in its own file and is disposed with it. */
export function activate(context: vscode.ExtensionContext) {
  const subscriptions = context.subscriptions;
  const log = vscode.window.createOutputChannel("weft", { log: true });
  const discovery = new DevServerDiscovery(log);
  const connection = new ConnectionManager(discovery, log);
  subscriptions.push(log, discovery, connection);

  const sessions = new SessionsProvider(connection);
  const controls = new ControlTreeProvider(connection);
  const swaps = new SwapsProvider(connection);
  const messages = new MessagesViewProvider(context.extensionUri, connection);
  const sessionsView = vscode.window.createTreeView("weft.sessions", { treeDataProvider: sessions });
  const treeView = vscode.window.createTreeView("weft.controlTree", { treeDataProvider: controls, showCollapseAll: true });
  const swapsView = vscode.window.createTreeView("weft.swaps", { treeDataProvider: swaps });
  const inspectorPanel = new InspectorPanel();
  const highlight = new AppHighlight(connection, controls, treeView);
  subscriptions.push(
    sessions,
    controls,
    swaps,
    messages,
    sessionsView,
    treeView,
    swapsView,
    inspectorPanel,
    highlight,
    vscode.window.registerWebviewViewProvider(MessagesViewProvider.viewId, messages),
    new ViewState(connection, sessionsView, treeView),
    new StatusBar(connection),
    new SwapDiagnostics(connection),
  );

  const dev = startDev(discovery, connection);
  const picker = pick(connection, treeView, highlight);
  subscriptions.push(
    dev.disposable,
    picker.disposable,
    vscode.commands.registerCommand("weft.pick", picker.start),
    vscode.commands.registerCommand("weft.stopPicking", picker.stop),
    vscode.commands.registerCommand("weft.startDev", dev.command),
    vscode.commands.registerCommand("weft.connect", connect(connection, discovery)),
    vscode.commands.registerCommand("weft.disconnect", disconnect(connection)),
    vscode.commands.registerCommand("weft.chooseDevServer", chooseDevServer(connection)),
    vscode.commands.registerCommand("weft.openInspector", openInspector(connection, inspectorPanel)),
    vscode.commands.registerCommand("weft.openInspectorInBrowser", openInspectorInBrowser(connection)),
    vscode.commands.registerCommand("weft.openApp", openApp(connection)),
    vscode.commands.registerCommand("weft.selectSession", (id: string) => connection.model.sessions.select(id)),
    vscode.commands.registerCommand("weft.revealInEditor", revealInEditor(connection, treeView)),
    vscode.commands.registerCommand("weft.revealHandler", revealHandler(connection, treeView)),
    vscode.commands.registerCommand("weft.selectAtCursor", selectAtCursor(connection, treeView)),
  );
}

export function deactivate() {}
