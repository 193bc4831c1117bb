import type { SwapReport } from "@weft/protocol/channel";
import { useTopics } from "../useStore.ts";
import { formatClock, formatMs, relativePath } from "./format.ts";
import { ErrorText } from "./StackView.tsx";
import "./SwapsPanel.css";

/**
 * Hot swaps, newest first, each with its report (what was kept, taken, rebound and reset, and
 * why), next to the current build error and the errors the sessions reported.
 */
export function SwapsPanel() {
  const store = useTopics("swaps");
  const swaps = store.model.swaps.reports;
  const buildError = store.model.swaps.error;
  const errors = [...store.console.errors].reverse();
  return (
    <div className="swaps">
      <div className="swaps-col">
        <div className="pane-head">
          <span className="pane-title">Hot swaps</span>
          <span className="faint">{swaps.length}</span>
        </div>
        <div className="pane-body">
          {buildError && (
            <div className="swap swap-error" data-testid="swap-build-error">
              <div>
                <strong>Build error</strong> <span className="dim">{formatClock(buildError.at)}</span> · {buildError.files.join(", ")}
              </div>
              <div className="mono">
                {buildError.error.file && `${relativePath(buildError.error.file, store.hello?.app.root)}:${buildError.error.line}:${buildError.error.column} `}
                {buildError.error.message}
              </div>
              {buildError.error.frame && <pre className="swap-frame">{buildError.error.frame}</pre>}
            </div>
          )}
          {swaps.length === 0 && !buildError && <p className="empty">No swap yet. Save a file of the app and its report appears here.</p>}
          {swaps.map((s) => (
            <SwapCard key={s.id} report={s} />
          ))}
        </div>
      </div>
      <div className="swaps-col">
        <div className="pane-head">
          <span className="pane-title">Errors</span>
          <span className="faint">{errors.length}</span>
        </div>
        <div className="pane-body">
          {errors.length === 0 && <p className="empty">No error reported.</p>}
          {errors.map((e, i) => {
            const session = e.sessionId ? (store.sessions.get(e.sessionId) ?? store.sessions.ended.find((s) => s.id === e.sessionId)) : undefined;
            return (
              <div key={i} className="swap swap-error" data-testid="error-entry">
                <div className="err-head">
                  <span className="err-time dim mono">{formatClock(e.at)}</span>
                  <span className="err-where mono">{e.where}</span>
                  {e.sessionId && (
                    <button className="chain-link err-session" title={`Show session ${e.sessionId}`} onClick={() => store.selectSession(e.sessionId!)}>
                      session {session?.index !== undefined ? `#${session.index}` : e.sessionId.slice(0, 6)}
                    </button>
                  )}
                  {e.id !== undefined && e.sessionId && (
                    <button
                      className="chain-link err-control"
                      title="Show the control in the tree"
                      onClick={() => {
                        store.selectSession(e.sessionId!);
                        store.selection.select(e.id!);
                      }}
                    >
                      select it
                    </button>
                  )}
                </div>
                <ErrorText error={e.error} className="mono err-message" />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function SwapCard({ report: r }: { report: SwapReport }) {
  const kept = r.sessions.kept;
  return (
    <details className={`swap swap-${r.outcome}`} data-testid="swap" open={false}>
      <summary>
        <span className={`swap-outcome swap-outcome-${r.outcome}`}>{r.outcome}</span> <span className="mono">{r.files.join(", ") || "(first load)"}</span>{" "}
        <span className="dim">
          {formatClock(r.at)} · {formatMs(r.ms)} · {kept} session{kept === 1 ? "" : "s"} kept
          {r.sessions.restarted ? `, ${r.sessions.restarted} restarted` : ""} · {r.handlersRebound} handler{r.handlersRebound === 1 ? "" : "s"} rebound
        </span>
      </summary>
      <ul className="swap-list">
        {r.restarts.map((x, i) => (
          <li key={`r${i}`}>
            <b>restarted</b> {x.sessionId.slice(0, 8)}: {x.reason}
          </li>
        ))}
        {r.propsTaken.map((p, i) => (
          <li key={`t${i}`}>
            <b>taken</b> <span className="mono">{p.control}.{p.prop}</span> {JSON.stringify(p.from)} → {JSON.stringify(p.to)}
          </li>
        ))}
        {r.propsKept.map((p, i) => (
          <li key={`k${i}`}>
            <b>kept</b> <span className="mono">{p.control}.{p.prop}</span> = {JSON.stringify(p.kept)} <span className="dim">(source says {JSON.stringify(p.source)}; changed at runtime)</span>
          </li>
        ))}
        {r.fieldsKept.map((f, i) => (
          <li key={`f${i}`}>
            <b>kept</b> field <span className="mono">{f.control}.{f.field}</span>
          </li>
        ))}
        {r.handlersKept.map((h, i) => (
          <li key={`h${i}`}>
            <b>kept</b> handler <span className="mono">{h.control}.on{h.event}</span> <span className="dim">(set at runtime: old code)</span>
          </li>
        ))}
        {r.classes.length > 0 && (
          <li>
            <b>rebound</b> classes <span className="mono">{r.classes.join(", ")}</span>
          </li>
        )}
        {r.components.map((c, i) => (
          <li key={`c${i}`}>
            <b>{c.hooks === "kept" ? "kept" : "reset"}</b> hooks of <span className="mono">{c.name}</span> ×{c.instances}
            {c.reason ? <span className="dim"> ({c.reason})</span> : null}
          </li>
        ))}
        {r.reset.map((x, i) => (
          <li key={`x${i}`}>
            <b>reset</b> {x.what} <span className="dim">— {x.why}</span>
          </li>
        ))}
        {(r.added > 0 || r.removed > 0 || r.runtimeKept > 0) && (
          <li className="dim">
            {r.added} added, {r.removed} removed, {r.runtimeKept} runtime children kept
          </li>
        )}
        {r.stopped.timers + r.stopped.tasks + r.stopped.subscriptions > 0 && (
          <li className="dim">
            stopped {r.stopped.timers} timers, {r.stopped.tasks} tasks, {r.stopped.subscriptions} subscriptions of the old code
          </li>
        )}
        {r.warnings.map((w, i) => (
          <li key={`w${i}`} className="swap-warning">
            {w}
          </li>
        ))}
      </ul>
    </details>
  );
}
