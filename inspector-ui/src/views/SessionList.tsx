import { useEffect, useState } from "react";
import type { SessionInfo } from "@weft/protocol/channel";
import { useTopics } from "../useStore.ts";
import { formatAge, formatClient, formatClock } from "./format.ts";
import "./SessionList.css";

/** Live sessions (newest first), then ended ones kept for a post-mortem. */
export function SessionList() {
  const store = useTopics("sessions");
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const live = store.sessions.all;
  const dead = store.sessions.ended;
  return (
    <section className="pane sessions" aria-label="Sessions">
      <div className="pane-head">
        <span className="pane-title">Sessions</span>
        <span className="faint">{live.length}</span>
      </div>
      <div className="pane-body">
        {live.length === 0 && <p className="empty">No session yet. Open the app in a browser tab; each tab is a session.</p>}
        {live.map((s) => (
          <SessionRow key={s.id} session={s} now={now} selected={store.sessionId === s.id} onSelect={() => store.selectSession(s.id)} />
        ))}
        {dead.length > 0 && <div className="sessions-group">Ended · kept for a post-mortem</div>}
        {dead.map((s) => (
          <button
            key={s.id}
            className={`session session-dead ${store.sessionId === s.id ? "is-selected" : ""}`}
            data-testid="session"
            data-session-id={s.id}
            data-state="closed"
            onClick={() => store.selectSession(s.id)}
          >
            <span className="session-line">
              <span className="session-dot dot-closed" />
              <span className="mono">{s.id.slice(0, 8)}</span>
              <span className="session-route mono">{s.route}</span>
              {(s.crashed || s.errors > 0) && <span className="session-badge">{s.crashed ? "crashed" : `${s.errors} error${s.errors === 1 ? "" : "s"}`}</span>}
            </span>
            <span className="session-meta dim">
              ended {formatClock(s.closedAt)} · {s.reason}
            </span>
          </button>
        ))}
      </div>
    </section>
  );
}

function SessionRow({ session: s, now, selected, onSelect }: { session: SessionInfo; now: number; selected: boolean; onSelect(): void }) {
  return (
    <button className={`session ${selected ? "is-selected" : ""}`} data-testid="session" data-session-id={s.id} data-state={s.state} onClick={onSelect} title={s.userAgent}>
      <span className="session-line">
        <span className={`session-dot dot-${s.state}`} title={s.state} />
        <span className="mono">{s.id.slice(0, 8)}</span>
        <span className="session-route mono">{s.route}</span>
        {s.crashed !== undefined && <span className="session-badge" title={s.crashed}>crashed</span>}
      </span>
      <span className="session-meta dim">
        {s.title ? `${s.title} · ` : ""}
        {formatClient(s.userAgent)} · {s.state} · {formatAge(now - s.createdAt)}
      </span>
    </button>
  );
}
