import { useEffect } from "react";
import { useTopics } from "../useStore.ts";
import { formatClock } from "./format.ts";
import { ErrorText } from "./StackView.tsx";
import "./PostMortemPanel.css";

/**
 * What went wrong in a session that ended or crashed (LiveDebugger's DeadView, for weft): when
 * and why it closed, and its last errors with their stacks. Its last tree is in the tree pane,
 * its kept messages below, and time travel still works over its history.
 */
export function PostMortemPanel() {
  const store = useTopics("history", "sessions", "swaps");
  const pm = store.postMortem.result;
  const sessionId = store.sessionId;
  const crashed = sessionId ? store.sessions.get(sessionId)?.crashed : undefined;
  useEffect(() => {
    if (sessionId && crashed !== undefined) store.postMortem.load(sessionId);
  }, [store, sessionId, crashed]);
  const dead = pm && "closedAt" in pm.session ? pm.session : null;
  return (
    <div className="pm" data-testid="postmortem">
      <div className="pane-head">
        <span className="pane-title">{dead ? "Post-mortem" : "Crashed"}</span>
        {dead && <span className="dim">ended {formatClock(dead.closedAt)} · {dead.reason}</span>}
      </div>
      {crashed && <pre className="pm-crash">{crashed}</pre>}
      {!pm ? (
        <p className="empty">Loading…</p>
      ) : pm.errors.length === 0 ? (
        <p className="empty">No error was reported.</p>
      ) : (
        <ol className="pm-errors">
          {pm.errors.map((e, i) => (
            <li key={i}>
              <div>
                <span className="pm-where">{e.where}</span> <span className="dim">{formatClock(e.at)}</span>
              </div>
              <ErrorText error={e.error} className="pm-message" />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
