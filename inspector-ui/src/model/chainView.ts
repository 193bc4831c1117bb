import type { CausalChain, ChainChange, HistoryChange } from "@weft/protocol/channel";

/** What the chain's last step, the browser's, can say. */
export type BrowserStep =
  /** The tab measured it: event sent → the change drawn. */
  | { kind: "measured"; ms: number }
  /** Nothing was sent to draw: the handler changed nothing (a filter already on "All"), or threw first. */
  | { kind: "nothing"; why: string }
  /** The tab will report it once the patch is drawn. */
  | { kind: "waiting" }
  /** No figure will come, and why. */
  | { kind: "unknown"; why: string };

/**
 * The browser's step of a chain. A finished chain that sent no patch has nothing for the tab to
 * draw, so no round trip will ever come: it says so instead of waiting forever.
 */
export function browserStep(chain: CausalChain, recorded = false): BrowserStep {
  if (chain.roundTripMs !== undefined) return { kind: "measured", ms: chain.roundTripMs };
  if (chain.cause !== undefined && chain.cause !== "event") return { kind: "unknown", why: "no browser event started it" };
  if (chain.done && chain.patches.length === 0) {
    return { kind: "nothing", why: chain.handler?.error !== undefined ? "the handler threw before changing anything" : "the handler changed nothing" };
  }
  if (recorded) return { kind: "unknown", why: "the recording has no timing for it" };
  if (chain.clientSeq === undefined) return { kind: "unknown", why: "not measured (the tab registered before the inspector asked; reload it)" };
  if (chain.done && chain.patches.every((p) => p.seq === null)) return { kind: "unknown", why: "the tab was away: nothing was sent" };
  return { kind: "waiting" };
}

/** One line of a list of changes: a change, or many alike folded into one. */
export type ChangeLine<C> = { change: C } | { folded: { op: "insert" | "remove"; count: number; parent: string; controls: number; first: C } };

/** Runs of inserts (or removes) into the same parent shorter than this are listed one by one. */
const FOLD_FROM = 5;

/**
 * Folds a run of inserts or removes in the same parent into one line (`+ 2,000 into
 * Column#items.controls`): a list that grew by 2,000 items reads as one change, not 2,000 lines.
 */
export function foldChanges<C extends ChainChange | HistoryChange>(changes: readonly C[]): ChangeLine<C>[] {
  const out: ChangeLine<C>[] = [];
  let i = 0;
  while (i < changes.length) {
    const c = changes[i]!;
    const parent = parentOf(c);
    if ((c.op === "insert" || c.op === "remove") && parent !== undefined) {
      let j = i + 1;
      while (j < changes.length && changes[j]!.op === c.op && parentOf(changes[j]!) === parent) j++;
      if (j - i >= FOLD_FROM) {
        let controls = 0;
        for (let k = i; k < j; k++) controls += nodesOf(changes[k]!);
        out.push({ folded: { op: c.op, count: j - i, parent, controls, first: c } });
        i = j;
        continue;
      }
    }
    out.push({ change: c });
    i++;
  }
  return out;
}

function parentOf(c: ChainChange | HistoryChange): string | undefined {
  if ("slot" in c) return `${c.parent}.${c.slot}`;
  return "parent" in c ? c.parent : undefined;
}

function nodesOf(c: ChainChange | HistoryChange): number {
  return "nodes" in c ? c.nodes : 1;
}
