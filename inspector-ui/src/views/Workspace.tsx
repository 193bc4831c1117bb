import { Group, Panel, Separator, useDefaultLayout } from "react-resizable-panels";
import { BottomPanel } from "./BottomPanel.tsx";
import { SessionList } from "./SessionList.tsx";
import { SidePanel } from "./SidePanel.tsx";
import { TreePane } from "./TreePane.tsx";
import "./Workspace.css";

/** Below this width the panes stack (VS Code's "Open Inspector" panel is ~520 px wide). */
export const NARROW_PX = 900;

/**
 * The panes, resizable by dragging their borders (react-resizable-panels), sizes remembered per
 * workspace (the app's folder) in this browser. Wide: sessions | tree | selected control over the
 * bottom tabs. Narrow (a VS Code panel, from 480 px): every pane full width, stacked.
 */
export function Workspace({ narrow, workspace }: { narrow: boolean; workspace: string }) {
  const layout = narrow ? "narrow" : "wide";
  const outer = useDefaultLayout({ id: `weft-inspector:${workspace}:${layout}:outer`, storage: safeStorage() });
  const inner = useDefaultLayout({ id: `weft-inspector:${workspace}:${layout}:inner`, storage: safeStorage() });
  if (narrow) {
    return (
      <Group orientation="vertical" className="ws ws-narrow" data-testid="workspace" data-layout="narrow" defaultLayout={outer.defaultLayout} onLayoutChanged={outer.onLayoutChanged}>
        <Panel id="sessions" defaultSize="16%" minSize={56}>
          <SessionList />
        </Panel>
        <Handle vertical />
        <Panel id="tree" defaultSize="32%" minSize={120}>
          <TreePane />
        </Panel>
        <Handle vertical />
        <Panel id="side" defaultSize="26%" minSize={80}>
          <SidePanel />
        </Panel>
        <Handle vertical />
        <Panel id="bottom" defaultSize="26%" minSize={90}>
          <BottomPanel narrow />
        </Panel>
      </Group>
    );
  }
  return (
    <Group orientation="vertical" className="ws" data-testid="workspace" data-layout="wide" defaultLayout={outer.defaultLayout} onLayoutChanged={outer.onLayoutChanged}>
      <Panel id="main" defaultSize="60%" minSize={160}>
        <Group orientation="horizontal" className="ws-main" defaultLayout={inner.defaultLayout} onLayoutChanged={inner.onLayoutChanged}>
          <Panel id="sessions" defaultSize="18%" minSize={150}>
            <SessionList />
          </Panel>
          <Handle />
          <Panel id="tree" defaultSize="52%" minSize={240}>
            <TreePane />
          </Panel>
          <Handle />
          <Panel id="side" defaultSize="30%" minSize={240}>
            <SidePanel />
          </Panel>
        </Group>
      </Panel>
      <Handle vertical />
      <Panel id="bottom" defaultSize="40%" minSize={120}>
        <BottomPanel />
      </Panel>
    </Group>
  );
}

function Handle({ vertical = false }: { vertical?: boolean }) {
  return <Separator className={`ws-handle ${vertical ? "ws-handle-v" : "ws-handle-h"}`} />;
}

/** localStorage, unless the browser forbids it (then sizes are not remembered). */
function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
