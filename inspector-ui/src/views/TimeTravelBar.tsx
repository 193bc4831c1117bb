import { useEffect, useRef, useState } from "react";
import type { HistoryChange } from "@weft/protocol/channel";
import { foldChanges } from "../model/chainView.ts";
import { positionIndex, sliderPositions, stepBack, stepForward } from "../model/timeSteps.ts";
import { useTopics } from "../useStore.ts";
import "./TimeTravelBar.css";

/**
 * Time travel: a slider over the session's messages; the tree shows the state after the chosen
 * message, and the changes of the next patch are listed with their values before and after
 * (the "why did this update" of react#16481, for server state). Ticks mark the patches.
 */
export function TimeTravelBar() {
  const store = useTopics("history", "messages", "sessions");
  const h = store.timeTravel.history;
  const sessionId = store.sessionId;
  const latest = lastSeq(store);
  const first = h.result?.first ?? 0;
  const last = Math.max(h.result?.last ?? 0, latest);
  const [dragging, setDragging] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (sessionId) store.timeTravel.loadRange();
  }, [store, sessionId]);

  // The slider rests on the app's messages, not the devtools' own frames (a highlight's call).
  const positions = sliderPositions(store.traffic.log.appRowSeqs, first, last);
  const at = h.seq ?? last;
  const value = dragging ?? positionIndex(positions, at);
  const seqAt = (index: number) => positions[Math.max(0, Math.min(positions.length - 1, index))] ?? first;
  // At the app's newest message the tree is the live one: the devtools' own frames after it (the
  // round trip's timing, which comes a frame later) change nothing, so ▶ there shows live whether
  // or not that timing has arrived yet.
  const newest = positions[positions.length - 1] ?? last;
  /** Travels to `seq` (null: live); a slider drag waits until it rests, a button goes at once. */
  const go = (seq: number | null, settle = false) => {
    if (timer.current) clearTimeout(timer.current);
    const travel = () => {
      setDragging(null);
      store.timeTravel.travel(seq === null || seq >= newest ? null : seq);
    };
    if (settle) timer.current = setTimeout(travel, 40);
    else travel();
  };
  // Live, the patch rows say where the tree changed; in the past, the agent's answer does.
  const steps = h.seq === null ? store.traffic.log.patchSeqs : (h.result?.steps ?? []);
  const live = h.seq === null;
  const back = stepBack(steps, first, at);
  const forward = live ? undefined : stepForward(steps, at);

  return (
    <div className={`tt ${live ? "" : "is-past"}`} data-testid="time-travel">
      <div className="tt-bar">
        <button title="Back: the tree before the patch in effect" aria-label="Back to the previous patch" disabled={back === undefined} onClick={() => back !== undefined && go(back)}>
          ◀
        </button>
        <input
          type="range"
          aria-label="Time travel: the tree after message"
          min={0}
          max={Math.max(1, positions.length - 1)}
          step={1}
          value={value}
          onChange={(e) => {
            const index = Number(e.target.value);
            setDragging(index);
            go(index >= positions.length - 1 ? null : seqAt(index), true);
          }}
        />
        <button title="Forward: the tree after the next patch" aria-label="Forward to the next patch" disabled={live} onClick={() => go(forward ?? null)}>
          ▶
        </button>
        <button aria-pressed={live} title="Show the live tree" onClick={() => go(null)} data-testid="time-travel-live">
          live
        </button>
        <span className="tt-where dim mono">{live ? (store.showingDead ? `at the end · #${last}` : `now · #${last}`) : `after #${dragging !== null ? seqAt(dragging) : at}${h.loading ? " …" : ""}`}</span>
      </div>
      {!live && h.result && (
        <div className="tt-next">
          {h.error && <div className="tt-error">{h.error}</div>}
          {h.result.next ? (
            <>
              <div className="dim">
                Next: patch{" "}
                <button className="tt-name" onClick={() => store.traffic.selectMessage(h.result!.next!.seq)}>
                  #{h.result.next.seq}
                </button>{" "}
                · {h.result.next.changes.length} change{h.result.next.changes.length === 1 ? "" : "s"}
              </div>
              <ul className="mono">
                {foldChanges(h.result.next.changes).slice(0, 40).map((line, i) => (
                  <li key={i}>
                    {"folded" in line ? (
                      <>
                        <span className={`tt-op ${line.folded.op === "insert" ? "tt-insert" : "tt-remove"}`}>{line.folded.op === "insert" ? "+" : "−"}</span> {line.folded.count.toLocaleString()} controls {line.folded.op === "insert" ? "into" : "from"} {line.folded.parent}
                      </>
                    ) : (
                      <ChangeLine change={line.change} onSelect={() => store.selection.select(line.change.id)} />
                    )}
                  </li>
                ))}
                {foldChanges(h.result.next.changes).length > 40 && <li className="dim">… more</li>}
              </ul>
            </>
          ) : (
            <div className="dim">No patch after this message yet.</div>
          )}
        </div>
      )}
    </div>
  );
}

function lastSeq(store: ReturnType<typeof useTopics>): number {
  return store.traffic.log.lastSeq;
}

const show = (v: unknown) => (v === null || v === undefined ? "∅" : JSON.stringify(v));

export function ChangeLine({ change: c, onSelect }: { change: HistoryChange; onSelect(): void }) {
  const name = (
    <button className="tt-name" onClick={onSelect}>
      {c.label}
    </button>
  );
  switch (c.op) {
    case "set":
      return (
        <>
          {name}{" "}
          {c.props.map((p) => (
            <span key={p.name} className="tt-prop">
              <span className="tt-propname">{p.name}</span> <span className="tt-before">{show(p.before)}</span> → <span className="tt-after">{show(p.after)}</span>
            </span>
          ))}
          {c.handlers && <span className="dim"> handlers [{c.handlers.before.join(", ")}] → [{c.handlers.after.join(", ")}]</span>}
        </>
      );
    case "insert":
      return (
        <>
          <span className="tt-op tt-insert">+</span> {name} into {c.parent}.{c.slot}
          {c.nodes > 1 ? ` (${c.nodes} controls)` : ""}
        </>
      );
    case "remove":
      return (
        <>
          <span className="tt-op tt-remove">−</span> {name} from {c.parent}.{c.slot}
          {c.nodes > 1 ? ` (${c.nodes} controls)` : ""}
        </>
      );
    case "move":
      return (
        <>
          <span className="tt-op">↕</span> {name} within {c.parent}.{c.slot}
        </>
      );
    default:
      return null;
  }
}
