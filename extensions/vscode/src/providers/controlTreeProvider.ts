import * as vscode from "vscode";
import { describeNode, type ControlNode, type TreeChange } from "@weft/devtools-client";
import type { PropsResult } from "@weft/protocol/channel";
import { isControlType, type ControlType } from "@weft/protocol/controls";
import type { ConnectionManager } from "../connection/connectionManager.ts";

/** Tree changes are drawn at most this often: a session patching 60 times a second redraws ~30 times. */
const REDRAW_MS = 30;
/**
 * VS Code re-asks for every child of a redrawn row, so a row with thousands of children (a long
 * list that grows) is redrawn at most this often instead.
 */
const BIG_REDRAW_MS = 500;
const BIG_ROW_CHILDREN = 1000;
/** Levels shown expanded the first time a tree appears; deeper ones wait for a click. */
const EXPANDED_LEVELS = 4;
/** A row with more children than this starts collapsed whatever its level. */
const EXPANDED_MAX_CHILDREN = 200;
/** Above this many changed rows in one redraw, the whole (expanded part of the) tree is redrawn. */
const MAX_PARTIAL = 200;

/** A codicon per control type; a type missing here fails to compile. */
const ICONS: { readonly [T in ControlType]: string } = {
  Page: "window",
  View: "browser",
  Component: "symbol-class",
  Row: "split-horizontal",
  Column: "split-vertical",
  Stack: "layers",
  Container: "primitive-square",
  Card: "preview",
  ListView: "list-flat",
  GridView: "table",
  Text: "symbol-text",
  Markdown: "markdown",
  TextField: "symbol-string",
  Button: "symbol-event",
  FilledButton: "symbol-event",
  FilledTonalButton: "symbol-event",
  OutlinedButton: "symbol-event",
  TextButton: "symbol-event",
  IconButton: "symbol-event",
  FloatingActionButton: "add",
  PopupMenuButton: "kebab-vertical",
  PopupMenuItem: "menu",
  GestureDetector: "move",
  SafeArea: "shield",
  CircleAvatar: "account",
  Checkbox: "check",
  Switch: "settings",
  Slider: "settings",
  Radio: "circle-large-outline",
  RadioGroup: "list-selection",
  Dropdown: "chevron-down",
  Image: "file-media",
  Icon: "star-empty",
  AppBar: "layout-panel-off",
  NavigationBar: "layout-panel",
  Tabs: "versions",
  Tab: "versions",
  TabBar: "versions",
  TabBarView: "multiple-windows",
  DataTable: "table",
  DataColumn: "symbol-field",
  DataRow: "symbol-array",
  DataCell: "symbol-field",
  AlertDialog: "comment-discussion",
  SnackBar: "bell",
  Banner: "info",
  BottomSheet: "layout-panel",
  ProgressBar: "loading",
  Divider: "dash",
};

/**
 * The Control Tree view: the watched session's controls as a native tree, kept current by the
 * devserver's tree ops. Only the changed rows are redrawn, in batches, and VS Code asks for the
 * children of expanded rows only, so a big tree costs what is visible (Flutter's sidebar got
 * "empty until Refresh" and hangs on big trees: Dart-Code#4855, devtools#2544). Props are not
 * in the tree: a row's tooltip fetches them when hovered.
 */
export class ControlTreeProvider implements vscode.TreeDataProvider<ControlNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ControlNode | ControlNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private pending: Set<ControlNode> | "all" | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly hovers = new vscode.EventEmitter<ControlNode>();
  /** A row was hovered (its tooltip is being resolved): VS Code gives extensions no other hover signal. */
  readonly onDidHover = this.hovers.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.hovers];

  constructor(private readonly connection: ConnectionManager) {
    this.disposables.push({ dispose: connection.model.tree.subscribe((change) => this.schedule(change)) });
  }

  private get store() {
    return this.connection.model.tree;
  }

  getTreeItem(node: ControlNode): vscode.TreeItem {
    const children = this.store.children(node);
    const depth = this.store.depthOf(node);
    const state =
      children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : depth < EXPANDED_LEVELS && children.length <= EXPANDED_MAX_CHILDREN
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed;
    // The inspector's notation: `Button#inc` by key, `Row@7` by id, then the summary.
    const item = new vscode.TreeItem(describeNode({ ...node, summary: undefined }), state);
    item.id = `${this.connection.model.watched}:${node.id}`;
    const parts: string[] = [];
    if (node.summary) parts.push(node.summary);
    if (node.slot && node.slot !== "controls" && node.slot !== "views") parts.push(`(${node.slot})`);
    item.description = parts.join("  ");
    item.iconPath = new vscode.ThemeIcon(isControlType(node.type) ? ICONS[node.type] : "symbol-misc");
    item.contextValue = "control";
    item.accessibilityInformation = { label: describeNode(node) };
    return item;
  }

  getChildren(node?: ControlNode): ControlNode[] {
    if (!node) return this.store.root ? [this.store.root] : [];
    return this.store.children(node);
  }

  getParent(node: ControlNode): ControlNode | null {
    return node.parent === null ? null : (this.store.get(node.parent) ?? null);
  }

  /**
   * The tooltip: the control's props, handlers and fields, fetched when the row is hovered (or
   * clicked). VS Code resolves a row once; `redrawRow` makes its next hover resolve again.
   */
  async resolveTreeItem(item: vscode.TreeItem, node: ControlNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    const channel = this.connection.channel;
    const sessionId = this.connection.model.watched;
    if (!channel || !sessionId) return item;
    this.hovers.fire(node);
    try {
      const props = await channel.request("get-props", { sessionId, id: node.id });
      if (!token.isCancellationRequested) item.tooltip = propsTooltip(props);
    } catch (err) {
      // The control went away meanwhile, or weft dev did not answer: the tooltip says so.
      if (!token.isCancellationRequested) item.tooltip = `${describeNode(node)}: no props (${err instanceof Error ? err.message : String(err)})`;
    }
    return item;
  }

  /** Redraws one row with the next batch: VS Code then forgets its resolved tooltip. */
  redrawRow(node: ControlNode): void {
    if (this.store.get(node.id) !== node) return;
    if (this.pending === null) this.pending = new Set();
    if (this.pending !== "all") this.pending.add(node);
    this.timer ??= setTimeout(() => this.redraw(), REDRAW_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  private schedule(change: TreeChange): void {
    if (!change.reset && change.redraw.length === 0) return; // props changed, nothing a row shows
    let big = false;
    if (change.reset) this.pending = "all";
    else if (this.pending !== "all") {
      this.pending ??= new Set();
      for (const id of change.redraw) {
        const node = this.store.get(id);
        if (!node) continue;
        this.pending.add(node);
        big ||= this.store.children(node).length > BIG_ROW_CHILDREN;
      }
      if (this.pending.size > MAX_PARTIAL) this.pending = "all";
    }
    // A new tree (a session picked) is drawn at once; changes wait a little to be batched.
    this.timer ??= setTimeout(() => this.redraw(), change.reset ? 0 : big ? BIG_REDRAW_MS : REDRAW_MS);
  }

  private redraw(): void {
    this.timer = undefined;
    const pending = this.pending;
    this.pending = null;
    if (pending === "all" || pending === null) return this.changed.fire(undefined);
    // A row removed since it was announced is no longer asked for.
    const nodes = [...pending].filter((n) => this.store.get(n.id) === n);
    if (nodes.length) this.changed.fire(nodes);
  }
}

function propsTooltip(props: PropsResult): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${props.name}**${props.name !== props.type ? ` (${props.type})` : ""} #${props.id}\n\n`);
  const lines: string[] = [];
  for (const [name, value] of Object.entries(props.props)) lines.push(`${name}: ${short(value)}`);
  if (props.handlers.length) lines.push(`handlers: ${props.handlers.join(", ")}`);
  for (const [name, value] of Object.entries(props.fields)) lines.push(`${name} = ${value}`);
  if (lines.length) md.appendCodeblock(lines.join("\n"), "text");
  return md;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? text.slice(0, 79) + "…" : text;
}
