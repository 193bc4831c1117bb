import { useEffect, useState } from "react";
import type { LogGap, LogRow } from "@weft/devtools-client";
import { useTopics } from "../useStore.ts";
import { CausalChainView } from "./CausalChainView.tsx";
import { formatBytes, formatClock } from "./format.ts";
import { JsonView } from "./JsonView.tsx";
import { VirtualList } from "./VirtualList.tsx";
import "./MessagesPanel.css";

const ROW = 22;

/**
 * Every protocol frame of the shown session, in and out: time, direction, action, control, size
 * and the start of the payload; filter by action/control/text and direction, pause, totals. A
 * selected row shows its payload as readable JSON and, for an event or the patch it caused, the
 * event's causal chain.
 */
export function MessagesPanel({ narrow = false }: { narrow?: boolean }) {
  const store = useTopics("messages", "message", "chains");
  const log = store.traffic.log;
  const [text, setText] = useState(log.filter.text);
  const t = log.totals;
  const selectedIndex = store.traffic.selectedMessage === null ? -1 : log.indexOfSeq(store.traffic.selectedMessage);

  return (
    <div className={`msgs ${narrow ? "is-narrow" : ""}`}>
      {/* How many gaps wait to be fetched: 0 once every kept row of a busy spell is in the list. */}
      <div className="msgs-list" data-open-gaps={log.gaps().length}>
        <div className="pane-head msgs-tools">
          <input
            type="search"
            placeholder="Filter: action, control (Button#inc), text"
            aria-label="Filter messages"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              store.traffic.setFilter({ ...log.filter, text: e.target.value });
            }}
          />
          <select aria-label="Direction" value={log.filter.direction} onChange={(e) => store.traffic.setFilter({ ...log.filter, direction: e.target.value as "all" | "in" | "out" })}>
            <option value="all">in + out</option>
            <option value="in">in (browser → server)</option>
            <option value="out">out (server → browser)</option>
          </select>
          <label className="msgs-check dim" title="Show the inspector's own frames: picker calls, timing reports">
            <input type="checkbox" checked={log.filter.tool} onChange={(e) => store.traffic.setFilter({ ...log.filter, tool: e.target.checked })} /> devtools
          </label>
          <button aria-pressed={log.paused} data-testid="pause" onClick={() => store.traffic.pause(!log.paused)} title="Freeze the list; new messages are counted and shown on resume">
            {log.paused ? `▶ resume${log.pending ? ` (+${log.pending})` : ""}` : "❚❚ pause"}
          </button>
          <button onClick={() => store.traffic.clear()} title="Clear the list and the totals">
            clear
          </button>
          <span className="msgs-totals dim" data-testid="message-totals">
            {t.messages.toLocaleString()} msgs · ▲ {t.in.toLocaleString()} / {formatBytes(t.bytesIn)} · ▼ {t.out.toLocaleString()} / {formatBytes(t.bytesOut)}
            {log.dropped > 0 && <span className="msgs-dropped"> · {log.dropped.toLocaleString()} dropped (slow reader)</span>}
          </span>
        </div>
        <div className="msgs-header mono faint">
          <span className="c-seq">#</span>
          <span className="c-time">time</span>
          <span className="c-dir" />
          <span className="c-action">action</span>
          <span className="c-control">control</span>
          <span className="c-size">size</span>
          <span className="c-preview">payload</span>
        </div>
        {log.length === 0 ? (
          <p className="empty" data-testid="messages-empty">{log.gaps().some((g) => g.loading) ? "Loading the messages of a busy spell to search them…" : emptyText(store.sessionId, t.messages, log.filter)}</p>
        ) : (
          <VirtualList
            className="msgs-rows"
            count={log.length}
            rowHeight={ROW}
            follow={!log.paused}
            scrollTo={selectedIndex}
            label="Messages"
            onKeyDown={(e) => {
              if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
              e.preventDefault();
              const next = log.row(Math.max(0, Math.min(log.length - 1, selectedIndex + (e.key === "ArrowDown" ? 1 : -1))));
              if (next) store.traffic.selectMessage(next.seq);
            }}
            renderRow={(i) => {
              const row = log.row(i);
              if (!row) return null;
              return row.gap ? <GapRow gap={row.gap} /> : <Row row={row} selected={row.seq === store.traffic.selectedMessage} />;
            }}
          />
        )}
      </div>
      <MessageDetail />
    </div>
  );
}

function Row({ row, selected }: { row: LogRow; selected: boolean }) {
  const store = useTopics();
  const chain = store.traffic.chainOfRow(row.seq);
  const control = row.controlId !== undefined ? (store.nameOfControl(row.controlId) ?? `#${row.controlId}`) : "";
  return (
    <div
      className={`msg mono ${selected ? "is-selected" : ""} msg-${row.direction} ${row.tool ? "is-tool" : ""}`}
      data-testid="message-row"
      data-direction={row.direction}
      data-kind={row.kind}
      data-seq={row.seq}
      onClick={() => store.traffic.selectMessage(row.seq)}
    >
      <span className="c-seq faint">{row.seq}</span>
      <span className="c-time dim">{formatClock(row.at)}</span>
      <span className="c-dir" title={row.direction === "in" ? "browser → server" : "server → browser"}>
        {row.direction === "in" ? "▲" : "▼"}
      </span>
      <span className="c-action">
        {row.action}
        {chain && row.kind === "event" && chain.roundTripMs !== undefined && <span className="msg-rtt"> {chain.roundTripMs.toFixed(0)} ms</span>}
        {row.cause !== undefined && (
          <span className="msg-cause" data-testid="message-cause" title="What sent this patch: no browser event did">
            {" "}
            ← {chain?.cause && chain.cause !== "event" ? chain.event : row.cause}
          </span>
        )}
      </span>
      <span className="c-control t-type">{control}</span>
      <span className="c-size dim">{formatBytes(row.bytes)}</span>
      <span className="c-preview faint">{row.preview}</span>
    </div>
  );
}

/**
 * Messages of a busy spell the devserver did not send (a thinned frame): fetched from the agent
 * as soon as the entry is drawn (scrolled into view), or said to be gone when it no longer keeps them.
 */
function GapRow({ gap }: { gap: LogGap }) {
  const store = useTopics();
  const { kept, loading, fromSeq, toSeq, count } = gap;
  useEffect(() => {
    if (kept && !loading) void store.traffic.fillGaps(fromSeq, toSeq);
  }, [store, kept, loading, fromSeq, toSeq]);
  const n = count.toLocaleString();
  const text = !kept ? `${n} older message${count === 1 ? "" : "s"} not kept (the app keeps a session's newest 500)` : loading ? `${n} messages, loading…` : `${n} messages`;
  return (
    <div className="msg msg-gap mono faint" data-testid="message-gap" data-kept={kept} data-from={fromSeq} data-to={toSeq} title={`messages #${fromSeq}–#${toSeq}`}>
      <span className="c-seq">⋯</span>
      <span className="c-preview">{text}</span>
    </div>
  );
}

/** What the empty list says: nothing came yet, or nothing passes the filter (and how much is hidden). */
function emptyText(sessionId: string | null, total: number, filter: { text: string; direction: string; tool: boolean }): string {
  if (!sessionId) return "Select a session.";
  if (total === 0) return "No message yet: use the app and its frames appear here.";
  const what = [filter.text && `“${filter.text}”`, filter.direction !== "all" && (filter.direction === "in" ? "in only" : "out only")].filter(Boolean).join(", ");
  return `No message matches the filter${what ? ` (${what})` : ""}: ${total.toLocaleString()} message${total === 1 ? "" : "s"} hidden.`;
}

function MessageDetail() {
  const store = useTopics("message", "chains");
  const m = store.traffic.messageText;
  if (!m) return <div className="msgs-detail empty">Select a message to see its payload and, for an event, what it caused.</div>;
  const row = store.traffic.log.bySeq(m.seq);
  const chain = store.traffic.chainOfRow(m.seq);
  let parsed: unknown;
  let parseError = false;
  if (m.text !== null) {
    try {
      parsed = JSON.parse(m.text);
    } catch {
      parseError = true;
    }
  }
  return (
    <div className="msgs-detail" data-testid="message-detail">
      <div className="pane-head">
        <span className="pane-title">
          #{m.seq} {row?.direction === "in" ? "▲ in" : "▼ out"} {row?.action}
        </span>
        {row && <span className="dim">{formatBytes(row.bytes)}</span>}
      </div>
      <div className="pane-body">
        {chain && <CausalChainView chain={chain} highlightSeq={m.seq} />}
        {m.error && <p className="props-error">{m.error}</p>}
        {m.text === null && !m.error && <p className="empty">Loading…</p>}
        {m.text !== null && (parseError ? <pre className="mono">{m.text}</pre> : <JsonView value={parsed} depth={4} />)}
      </div>
    </div>
  );
}
