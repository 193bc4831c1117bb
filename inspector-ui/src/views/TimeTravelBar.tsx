import { useEffect, useRef, useState } from "react";
import type { HistoryChange } from "@weft/protocol/channel";
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

  const value = dragging ?? h.seq ?? last;
  /** Travels to `seq` (null: live); a slider drag waits until it rests, a button goes at once. */
  const go = (seq: number | null, settle = false) => {
    if (timer.current) clearTimeout(timer.current);
    const travel = () => {
      setDragging(null);
      store.timeTravel.travel(seq === null || seq >= last ? null : seq);
    };
    if (settle) timer.current = setTimeout(travel, 40);
    else travel();
  };
  // Live, the patch rows say where the tree changed; in the past, the agent's answer does.
  const steps = h.seq === null ? store.traffic.log.patchSeqs : (h.result?.steps ?? []);
  // Back: the state just before the last patch in effect; forward: the next patch applied.
  let applied: number | undefined;
  for (const s of steps) if (s <= value) applied = s;
  const prevStep = applied === undefined ? undefined : Math.max(first, applied - 1);
  const nextStep = steps.find((s) => s > value);
  // For an ended session, "live" is its last state.
  const live = h.seq === null;

  return (
    <div className={`tt ${live ? "" : "is-past"}`} data-testid="time-travel">
      <div className="tt-bar">
        <button title="Back to the previous patch" disabled={prevStep === undefined || value <= first} onClick={() => go(prevStep ?? first)}>
          ◀
        </button>
        <input
          type="range"
          aria-label="Time travel: the tree after message"
          min={first}
          max={last || 1}
          step={1}
          value={value}
          list="tt-steps"
          onChange={(e) => {
            const seq = Number(e.target.value);
            setDragging(seq);
            go(seq, true);
          }}
        />
        <datalist id="tt-steps">
          {steps.slice(-200).map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <button title="Forward to the next patch" disabled={nextStep === undefined && live} onClick={() => go(nextStep ?? null)}>
          ▶
        </button>
        <button aria-pressed={live} title="Show the live tree" onClick={() => go(null)} data-testid="time-travel-live">
          live
        </button>
        <span className="tt-where dim mono">{live ? (store.showingDead ? `at the end · #${last}` : `now · #${last}`) : `after #${value}${h.loading ? " …" : ""}`}</span>
      </div>
      {!live && h.result && (
        <div className="tt-next">
          {h.error && <div className="tt-error">{h.error}</div>}
          {h.result.next ? (
            <>
              <div className="dim">
                Next: patch after message #{h.result.next.seq} · {h.result.next.changes.length} change{h.result.next.changes.length === 1 ? "" : "s"}
              </div>
              <ul className="mono">
                {h.result.next.changes.slice(0, 40).map((c, i) => (
                  <li key={i}>
                    <ChangeLine change={c} onSelect={() => store.selection.select(c.id)} />
                  </li>
                ))}
                {h.result.next.changes.length > 40 && <li className="dim">… {h.result.next.changes.length - 40} more</li>}
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
