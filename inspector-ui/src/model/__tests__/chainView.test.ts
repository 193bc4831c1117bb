import { describe, expect, it } from "vitest";
import type { CausalChain, ChainChange } from "@weft/protocol/channel";
import { browserStep, foldChanges } from "../chainView.ts";

const chain = (over: Partial<CausalChain>): CausalChain => ({
  sessionId: "s",
  seq: 9,
  clientSeq: 3,
  id: 5,
  control: "Button#all",
  event: "click",
  at: 0,
  changed: [],
  more: 0,
  patches: [],
  done: true,
  handler: { ms: 0.2, syncMs: 0.1 },
  ...over,
});

describe("the causal chain's browser step", () => {
  it("says nothing was drawn when the handler changed nothing, instead of waiting for the browser", () => {
    expect(browserStep(chain({}))).toEqual({ kind: "nothing", why: "the handler changed nothing" });
  });

  it("says so when the handler threw before changing anything", () => {
    expect(browserStep(chain({ handler: { ms: 0.2, syncMs: 0.1, error: "boom" } }))).toEqual({ kind: "nothing", why: "the handler threw before changing anything" });
  });

  it("waits for the tab's figure only while a patch is on its way, and shows it once there", () => {
    const sent = chain({ patches: [{ seq: 10, bytes: 60, ops: 1 }] });
    expect(browserStep(sent)).toEqual({ kind: "waiting" });
    expect(browserStep({ ...sent, roundTripMs: 4.2 })).toEqual({ kind: "measured", ms: 4.2 });
    expect(browserStep({ ...sent, clientSeq: undefined }).kind).toBe("unknown");
  });
});

describe("a bulk change", () => {
  it("folds 2,000 inserts into one parent into one line, and keeps the rest", () => {
    const inserts: ChainChange[] = Array.from({ length: 2000 }, (_, i) => ({ id: 100 + i, label: `Text@${100 + i}`, op: "insert", parent: "Column#items.controls" }));
    const set: ChainChange = { id: 3, label: "Text#count", op: "set", props: ["value"] };
    const lines = foldChanges([set, ...inserts]);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ folded: { op: "insert", count: 2000, parent: "Column#items.controls" } });
    expect(foldChanges(inserts.slice(0, 3))).toHaveLength(3);
  });
});
