import type { CausalChain, ChainChange } from "@weft/protocol/channel";
import { browserStep, foldChanges } from "../model/chainView.ts";
import { useInspector } from "../useStore.ts";
import { formatBytes, formatClock, formatMs } from "./format.ts";
import "./CausalChainView.css";

const causeNames = { swap: "hot swap", edit: "edited in a tool", console: "the console", event: "event" } as const;

/**
 * One cause and everything that followed it, as one chain: a browser event (or a hot swap, a prop
 * edited in a tool, the console), the handler and how long it held the loop, the controls it
 * changed with each prop's value before and after ("why did this update"), the patch frames and
 * their size, and the round trip the browser measured until the result was drawn. Each step links
 * to what it names; a bulk change (2,000 inserts) is one line.
 */
export function CausalChainView({ chain: c, highlightSeq }: { chain: CausalChain; highlightSeq?: number }) {
  const store = useInspector();
  const recorded = store.shownRecording !== undefined;
  const patchBytes = c.patches.reduce((n, p) => n + p.bytes, 0);
  const serverMs = c.handler?.ms;
  const caused = c.cause !== undefined && c.cause !== "event";
  const browser = browserStep(c, recorded);
  return (
    <div className="chain" data-testid="causal-chain" data-cause={c.cause ?? "event"}>
      <div className="chain-title">Causal chain{caused ? ` · ${causeNames[c.cause!]}` : ""}</div>
      <ol className="chain-steps">
        <li className={highlightSeq === c.seq && !caused ? "is-here" : ""}>
          {caused ? (
            <>
              <span className="chain-k">{c.cause === "swap" ? "swap" : c.cause === "console" ? "console" : "edit"}</span>
              <span className="chain-event">{c.event}</span>
              {c.cause !== "swap" && (
                <>
                  {" "}
                  on{" "}
                  <button className="chain-link t-type" onClick={() => store.selection.select(c.id)}>
                    {c.control}
                  </button>
                </>
              )}{" "}
              <span className="dim">{formatClock(c.at)}</span>
            </>
          ) : (
            <>
              <span className="chain-k">event</span>
              <button className="chain-link" onClick={() => store.traffic.selectMessage(c.seq)}>
                #{c.seq}
              </button>{" "}
              <span className="chain-event">{c.event}</span> on{" "}
              <button className="chain-link t-type" onClick={() => store.selection.select(c.id)}>
                {c.control}
              </button>{" "}
              <span className="dim">{formatClock(c.at)}</span>
            </>
          )}
        </li>
        {!caused && (
          <li>
            <span className="chain-k">handler</span>
            {c.handler ? (
              <>
                {formatMs(c.handler.ms)} <span className="dim">(held the loop {formatMs(c.handler.syncMs)})</span>
                {c.handler.error && <div className="chain-error">threw: {c.handler.error}</div>}
              </>
            ) : recorded ? (
              <span className="dim">not in the recording (it records messages, not handlers)</span>
            ) : c.done ? (
              <span className="dim">did not run (the control was gone or disabled)</span>
            ) : (
              <span className="dim">running…</span>
            )}
          </li>
        )}
        <li>
          <span className="chain-k">changed</span>
          {c.changed.length === 0 ? (
            <span className="dim">nothing</span>
          ) : (
            <span className="chain-changes">
              {foldChanges(c.changed).map((line, i) =>
                "folded" in line ? (
                  <span key={i} className="chain-change chain-folded" data-testid="chain-folded">
                    <span className={line.folded.op === "insert" ? "tt-insert" : "tt-remove"}>{line.folded.op === "insert" ? "+" : "−"}</span> {line.folded.count.toLocaleString()} {line.folded.op === "insert" ? "into" : "from"}{" "}
                    <span className="t-type">{line.folded.parent}</span>
                  </span>
                ) : (
                  <Change key={i} change={line.change} onSelect={() => store.selection.select(line.change.id)} />
                ),
              )}
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
        <li data-testid="chain-browser">
          <span className="chain-k">browser</span>
          {browser.kind === "measured" ? (
            <>
              <strong>{formatMs(browser.ms)}</strong> <span className="dim">from the click to the change drawn</span>
              {serverMs !== undefined && <span className="dim"> (server {formatMs(serverMs)}, network and drawing {formatMs(Math.max(0, browser.ms - serverMs))})</span>}
            </>
          ) : browser.kind === "nothing" ? (
            <span className="dim">nothing to draw: {browser.why}</span>
          ) : browser.kind === "waiting" ? (
            <span className="dim">waiting for the browser…</span>
          ) : (
            <span className="dim">{browser.why}</span>
          )}
        </li>
      </ol>
    </div>
  );
}

const show = (v: unknown) => (v === null || v === undefined ? "∅" : JSON.stringify(v));

/** `Text#count value "1" → "2"`: a change, each prop with its value before and after when known. */
function Change({ change: ch, onSelect }: { change: ChainChange; onSelect(): void }) {
  return (
    <span className="chain-change" data-testid="chain-change">
      <button className="chain-link t-type" onClick={onSelect}>
        {ch.label}
      </button>
      {ch.op === "set" ? (
        ch.values?.length ? (
          ch.values.map((v) => (
            <span key={v.name} className="tt-prop">
              {" "}
              <span className="tt-propname">{v.name}</span> <span className="tt-before">{show(v.before)}</span> → <span className="tt-after">{show(v.after)}</span>
            </span>
          ))
        ) : (
          <span className="dim"> {ch.props?.join(", ")}</span>
        )
      ) : (
        <span className="dim">
          {" "}
          {ch.op}
          {ch.parent ? ` ${ch.op === "insert" ? "into" : "from"} ${ch.parent}` : ""}
        </span>
      )}
      {ch.op === "set" && ch.values?.length && ch.props && ch.props.length > ch.values.length ? <span className="dim"> ({ch.props.filter((n) => !ch.values!.some((v) => v.name === n)).join(", ")})</span> : null}
    </span>
  );
}
