import { useEffect, useMemo, useState } from "react";
import { useTopics } from "../useStore.ts";
import { TimeTravelBar } from "./TimeTravelBar.tsx";
import { TreeView } from "./TreeView.tsx";
import "./TreePane.css";

/**
 * The control tree of the shown session: search (it scrolls to the first match as you type, marks
 * the matched text, Enter goes from match to match, and can filter the tree to the matches),
 * pick, time travel, and the tree itself.
 */
export function TreePane() {
  const store = useTopics("tree", "pick", "history", "sessions");
  const [query, setQuery] = useState("");
  const [matchIndex, setMatchIndex] = useState(0);
  const [filter, setFilter] = useState(false);
  const tree = store.tree.shown;
  // On the tree's content, not its folding: folding (or filtering) does not change what matches.
  const matches = useMemo(() => tree.search(query), [tree, tree.store.version, query]);
  const live = store.showingLive;
  const frozen = store.timeTravel.history.seq !== null ? "history" : store.showingDead ? "dead" : null;
  const current = matches.length ? matches[Math.min(matchIndex, matches.length - 1)]! : null;

  // Filtering follows the matches (and the tree as it changes); the current match is unfolded.
  useEffect(() => {
    tree.setFilter(filter && query.trim() ? matches : null);
    if (current !== null) tree.reveal(current);
    store.tree.refresh();
  }, [tree, filter, matches, current, query, store]);

  const goTo = (i: number) => {
    if (matches.length === 0) return;
    const index = ((i % matches.length) + matches.length) % matches.length;
    setMatchIndex(index);
    store.selection.select(matches[index]!);
  };

  return (
    <section className="pane tree-pane" aria-label="Control tree">
      <div className="pane-head tree-head">
        <span className="pane-title">Tree</span>
        <span className="faint tree-size">{tree.size ? `${tree.size.toLocaleString()} controls` : ""}</span>
        <span className="tree-find">
          <input
            type="search"
            className="tree-search"
            placeholder="Search type, #key, text or id"
            aria-label="Search the tree"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setMatchIndex(0);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") goTo(matchIndex + (e.shiftKey ? -1 : current !== null && store.selection.selected === current ? 1 : 0));
              if (e.key === "Escape") setQuery("");
            }}
          />
          {query && (
            <span className="dim tree-count" data-testid="tree-matches">
              {matches.length ? `${Math.min(matchIndex, matches.length - 1) + 1}/${matches.length}` : "no match"}
            </span>
          )}
          <button aria-pressed={filter} data-testid="tree-filter" title="Show only the matches (and the controls they are in)" onClick={() => setFilter(!filter)} disabled={!query}>
            filter
          </button>
        </span>
        <span className="tree-tools">
          <button title="Collapse below the first levels" onClick={() => (tree.collapseBelow(3), store.tree.refresh())} disabled={!tree.size}>
            ⊟
          </button>
          <button title="Expand all" onClick={() => (tree.expandAll(), store.tree.refresh())} disabled={!tree.size}>
            ⊞
          </button>
          <button
            aria-pressed={store.selection.picking}
            data-testid="pick"
            title="Pick a control in the app page (Escape there cancels)"
            disabled={!live || frozen !== null}
            onClick={() => store.selection.togglePick()}
          >
            <svg width="13" height="13" viewBox="0 0 16 16" aria-hidden className="tree-pick-icon">
              <circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" strokeWidth="1.6" />
              <path d="M8 0v4M8 12v4M0 8h4M12 8h4" stroke="currentColor" strokeWidth="1.6" />
            </svg>{" "}
            pick
          </button>
        </span>
      </div>
      {store.sessionId && <TimeTravelBar />}
      {frozen === "dead" && (
        <div className="tree-banner tree-banner-dead">
          {store.shownRecording
            ? "A recording: its last tree. Travel back in time to see it at any step."
            : `This session has ended: its last tree, as it was when it closed${store.postMortem.result?.session && "reason" in store.postMortem.result.session ? ` (${store.postMortem.result.session.reason})` : ""}.`}
        </div>
      )}
      {store.tree.error && <div className="tree-banner tree-banner-error">{store.tree.error}</div>}
      <TreeView tree={tree} matches={query ? matches : []} query={query} current={current} readOnly={frozen !== null} />
    </section>
  );
}
