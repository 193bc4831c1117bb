import { useCallback, type ReactNode } from "react";
import type { TreeRows } from "../model/treeRows.ts";
import { useTopics } from "../useStore.ts";
import { VirtualList } from "./VirtualList.tsx";
import "./TreeView.css";

const ROW = 22;
const FLASH_MS = 900;
/** Slots shown as a tag before the child (children of `controls` and `views` need none). */
const quietSlots = new Set(["controls", "views"]);

export interface TreeViewProps {
  tree: TreeRows;
  /** Search hits, marked in the rows. */
  matches: number[];
  /** The search's text, marked where it matched. */
  query: string;
  /** The search's current match: scrolled to as the query is typed. */
  current: number | null;
  /** A snapshot (history, post-mortem): no highlighting in the app. */
  readOnly: boolean;
}

/**
 * The control tree as a windowed list of rows: type (class name when it differs), key and the
 * main prop's summary; lines that just changed flash, hidden controls (`visible: false`) are
 * dimmed. Hovering a row outlines the control in the app page (scrolling the page to it when it
 * is out of view); arrows move the selection, left/right fold.
 */
export function TreeView({ tree, matches, query, current, readOnly }: TreeViewProps) {
  const store = useTopics("tree", "selection", "history");
  const rows = tree.rows();
  const selected = store.selection.selected;
  const selectedIndex = selected === null ? -1 : tree.rowIndex(selected);
  const currentIndex = current === null ? -1 : tree.rowIndex(current);
  const hits = new Set(matches);
  const changedNext = new Set(store.timeTravel.history.seq !== null ? (store.timeTravel.history.result?.next?.changes.map((c) => c.id) ?? []) : []);
  const now = performance.now();
  const q = query.trim().replace(/^#/, "").toLowerCase();

  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      const index = selected === null ? -1 : tree.rowIndex(selected);
      const list = tree.rows();
      if (e.key === "ArrowDown") store.selection.select(list[Math.min(list.length - 1, index + 1)]?.id ?? null);
      else if (e.key === "ArrowUp") store.selection.select(list[Math.max(0, index - 1)]?.id ?? null);
      else if (e.key === "ArrowLeft" && selected !== null) {
        if (tree.hasChildren(selected) && !tree.isCollapsed(selected)) tree.setCollapsed(selected, true);
        else if (tree.get(selected)?.parent != null) store.selection.select(tree.get(selected)!.parent);
      } else if (e.key === "ArrowRight" && selected !== null) tree.setCollapsed(selected, false);
      else return;
      e.preventDefault();
      store.tree.refresh();
    },
    [store, tree, selected],
  );

  if (rows.length === 0) {
    return <p className="empty">{!store.sessionId ? "Select a session to see its controls." : tree.filtered ? "No control matches." : "Waiting for the tree…"}</p>;
  }

  return (
    <div className="tree" onMouseLeave={() => !readOnly && store.selection.highlight(null)}>
      <VirtualList
        count={rows.length}
        rowHeight={ROW}
        scrollTo={currentIndex >= 0 && q ? currentIndex : selectedIndex}
        onKeyDown={onKeyDown}
        label="Controls"
        renderRow={(i) => {
          const row = rows[i]!;
          const item = tree.get(row.id)!;
          const hasChildren = tree.hasChildren(row.id);
          const collapsed = tree.isCollapsed(row.id) && !tree.filtered;
          const flash = tree === store.tree.live && now - (store.tree.flashes.get(row.id) ?? -1e9) < FLASH_MS;
          const hit = hits.has(row.id);
          const cls = [
            "tree-row",
            row.id === selected ? "is-selected" : "",
            hit ? "is-match" : "",
            row.id === current ? "is-current" : "",
            flash ? "is-flash" : "",
            changedNext.has(row.id) ? "is-next" : "",
            item.hidden ? "is-hidden" : "",
          ].join(" ");
          const mark = (text: string) => (hit && q ? marked(text, q) : text);
          return (
            <div
              className={cls}
              data-testid="tree-node"
              data-weft-id={row.id}
              aria-selected={row.id === selected}
              role="listitem"
              style={{ paddingLeft: 6 + row.depth * 14 }}
              title={item.hidden ? "visible: false — in the tree, not drawn" : undefined}
              onClick={() => store.selection.select(row.id)}
              onMouseEnter={() => !readOnly && store.selection.highlight(row.id)}
            >
              <span
                className={`tree-twisty ${hasChildren ? "" : "is-leaf"}`}
                onClick={(e) => {
                  if (!hasChildren || tree.filtered) return;
                  e.stopPropagation();
                  tree.setCollapsed(row.id, !collapsed);
                  store.tree.refresh();
                }}
              >
                {hasChildren ? (collapsed ? "▸" : "▾") : ""}
              </span>
              {item.slot && !quietSlots.has(item.slot) && <span className="tree-slot">{item.slot}</span>}
              <span className="t-type">{mark(item.name ?? item.type)}</span>
              {item.name && <span className="faint tree-drawn">{mark(item.type)}</span>}
              {item.key !== undefined && <span className="t-key">#{mark(item.key)}</span>}
              {item.summary !== undefined && <span className="t-summary tree-summary">{mark(item.summary)}</span>}
              {item.hidden && <span className="tree-flag">hidden</span>}
              <span className="faint tree-id">@{row.id}</span>
            </div>
          );
        }}
      />
    </div>
  );
}

/** `text` with the first case-insensitive occurrence of `query` in a <mark>. */
function marked(text: string, query: string): ReactNode {
  const at = text.toLowerCase().indexOf(query);
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark className="tree-mark">{text.slice(at, at + query.length)}</mark>
      {text.slice(at + query.length)}
    </>
  );
}
