import type { CausalChain } from "@weft/protocol/channel";
import { useInspector } from "../useStore.ts";
import { formatBytes, formatClock, formatMs } from "./format.ts";
import "./CausalChainView.css";

/**
 * One event and everything that followed it, as one chain: the event, the handler and how long it
 * held the loop, the controls it changed, the patch frames and their size, and the round trip the
 * browser measured until the result was drawn. Each step links to what it names.
 */
export function CausalChainView({ chain: c, highlightSeq }: { chain: CausalChain; highlightSeq?: number }) {
  const store = useInspector();
  const patchBytes = c.patches.reduce((n, p) => n + p.bytes, 0);
  const serverMs = c.handler?.ms;
  return (
    <div className="chain" data-testid="causal-chain">
      <div className="chain-title">Causal chain</div>
      <ol className="chain-steps">
        <li className={highlightSeq === c.seq ? "is-here" : ""}>
          <span className="chain-k">event</span>
          <button className="chain-link" onClick={() => store.traffic.selectMessage(c.seq)}>
            #{c.seq}
          </button>{" "}
          <span className="chain-event">{c.event}</span> on{" "}
          <button className="chain-link t-type" onClick={() => store.selection.select(c.id)}>
            {c.control}
          </button>{" "}
          <span className="dim">{formatClock(c.at)}</span>
        </li>
        <li>
          <span className="chain-k">handler</span>
          {c.handler ? (
            <>
              {formatMs(c.handler.ms)} <span className="dim">(held the loop {formatMs(c.handler.syncMs)})</span>
              {c.handler.error && <div className="chain-error">threw: {c.handler.error}</div>}
            </>
          ) : c.done ? (
            <span className="dim">did not run (the control was gone or disabled)</span>
          ) : (
            <span className="dim">running…</span>
          )}
        </li>
        <li>
          <span className="chain-k">changed</span>
          {c.changed.length === 0 ? (
            <span className="dim">nothing</span>
          ) : (
            <span className="chain-changes">
              {c.changed.map((ch, i) => (
                <span key={i} className="chain-change">
                  <button className="chain-link t-type" onClick={() => store.selection.select(ch.id)}>
                    {ch.label}
                  </button>
                  <span className="dim">{ch.op === "set" ? ` ${ch.props?.join(", ")}` : ` ${ch.op}`}</span>
                </span>
              ))}
              {c.more > 0 && <span className="dim">… {c.more} more</span>}
            </span>
          )}
        </li>
        <li>
          <span className="chain-k">patch</span>
          {c.patches.length === 0 ? (
            <span className="dim">none sent</span>
          ) : (
            c.patches.map((p, i) => (
              <span key={i} className={`chain-patch ${highlightSeq === p.seq ? "is-here" : ""}`}>
                {p.seq !== null ? (
                  <button className="chain-link" onClick={() => store.traffic.selectMessage(p.seq!)}>
                    #{p.seq}
                  </button>
                ) : (
                  <span className="dim">(tab away)</span>
                )}{" "}
                {formatBytes(p.bytes)}, {p.ops} op{p.ops === 1 ? "" : "s"}
              </span>
            ))
          )}
          {c.patches.length > 1 && <span className="dim"> · {formatBytes(patchBytes)} in all</span>}
        </li>
        <li>
          <span className="chain-k">browser</span>
          {c.roundTripMs !== undefined ? (
            <>
              <strong>{formatMs(c.roundTripMs)}</strong> <span className="dim">from the click to the change drawn</span>
              {serverMs !== undefined && <span className="dim"> (server {formatMs(serverMs)}, network and drawing {formatMs(Math.max(0, c.roundTripMs - serverMs))})</span>}
            </>
          ) : (
            <span className="dim">{c.clientSeq === undefined ? "not measured (the tab registered before the inspector asked; reload it)" : "waiting for the browser…"}</span>
          )}
        </li>
      </ol>
    </div>
  );
}
