import { useEffect, useState } from "react";
import type { DeadSession, SessionInfo } from "@weft/protocol/channel";
import { useTopics } from "../useStore.ts";
import { formatAge, formatClient, formatClock } from "./format.ts";
import "./SessionList.css";

/**
 * Live sessions (newest first), then ended ones kept for a post-mortem, then recordings. Each is
 * told apart at a glance by its short number, title and route (five tabs of one app are five
 * "Todos · Chrome"); its dot says connected (green), away (amber), closing after its tab said
 * goodbye, crashed (red) or not known right now (grey: weft dev is away).
 */
export function SessionList() {
  const store = useTopics("sessions", "connection");
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const live = store.sessions.all;
  const ended = store.sessions.ended;
  const dead = ended.filter((s) => !s.recording);
  const recordings = ended.filter((s) => s.recording);
  const stale = store.connection.status !== "open";
  return (
    <section className="pane sessions" aria-label="Sessions">
      <div className="pane-head">
        <span className="pane-title">Sessions</span>
        <span className="faint">{live.length}</span>
      </div>
      <div className="pane-body">
        {live.length === 0 && !stale && (
          <p className="empty">{store.hello?.viewer ? "No app runs here: recordings only." : "No session yet. Open the app in a browser tab; each tab is a session."}</p>
        )}
        {live.map((s) => (
          <SessionRow key={s.id} session={s} now={now} stale={stale} selected={store.sessionId === s.id} onSelect={() => store.selectSession(s.id)} />
        ))}
        {dead.length > 0 && <div className="sessions-group">Ended · kept for a post-mortem</div>}
        {dead.map((s) => (
          <EndedRow key={s.id} session={s} selected={store.sessionId === s.id} onSelect={() => store.selectSession(s.id)} />
        ))}
        {recordings.length > 0 && <div className="sessions-group">Recordings</div>}
        {recordings.map((s) => (
          <EndedRow key={s.id} session={s} selected={store.sessionId === s.id} onSelect={() => store.selectSession(s.id)} />
        ))}
      </div>
    </section>
  );
}

/** `#3 Todos /active`: what tells sessions apart. */
function Title({ session: s }: { session: SessionInfo }) {
  return (
    <>
      {s.index !== undefined && <span className="session-index mono">#{s.index}</span>}
      {s.title && <span className="session-title">{s.title}</span>}
      <span className="session-route mono">{s.route}</span>
    </>
  );
}

function SessionRow({ session: s, now, stale, selected, onSelect }: { session: SessionInfo; now: number; stale: boolean; selected: boolean; onSelect(): void }) {
  const state = stale ? "unknown" : s.crashed !== undefined ? "crashed" : s.leaving ? "leaving" : s.state;
  const says = { unknown: "not known: weft dev is away", crashed: "crashed", leaving: "tab closed: ends unless it comes back", connected: "connected", resuming: "away: waiting for its tab", closed: "closed" }[state];
  return (
    <button
      className={`session ${selected ? "is-selected" : ""}`}
      data-testid="session"
      data-session-id={s.id}
      data-state={s.leaving ? "leaving" : s.state}
      onClick={onSelect}
      title={`${s.id}${s.userAgent ? `\n${s.userAgent}` : ""}`}
    >
      <span className="session-line">
        <span className={`session-dot dot-${state}`} title={says} />
        <Title session={s} />
        {s.crashed !== undefined && (
          <span className="session-badge" title={s.crashed}>
            crashed
          </span>
        )}
      </span>
      <span className="session-meta dim">
        {says} · {formatClient(s.userAgent)} · {formatAge(now - s.createdAt)} · <span className="mono">{s.id.slice(0, 6)}</span>
      </span>
    </button>
  );
}

function EndedRow({ session: s, selected, onSelect }: { session: DeadSession; selected: boolean; onSelect(): void }) {
  return (
    <button className={`session session-dead ${selected ? "is-selected" : ""}`} data-testid="session" data-session-id={s.id} data-state="closed" onClick={onSelect} title={s.id}>
      <span className="session-line">
        <span className={`session-dot ${s.crashed ? "dot-crashed" : "dot-closed"}`} />
        {s.recording ? <span className="session-title mono">{s.recording.file}</span> : <Title session={s} />}
        {(s.crashed || s.errors > 0) && <span className="session-badge">{s.crashed ? "crashed" : `${s.errors} error${s.errors === 1 ? "" : "s"}`}</span>}
      </span>
      <span className="session-meta dim">
        {s.recording ? `${s.title ? `${s.title} · ` : ""}${s.route} · ${s.recording.steps.length} steps · recorded ${s.recording.startedAt.slice(0, 16).replace("T", " ")}` : `ended ${formatClock(s.closedAt)} · ${s.reason}`}
      </span>
    </button>
  );
}
