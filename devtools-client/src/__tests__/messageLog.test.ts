import { describe, expect, it } from "vitest";
import type { MessageRow } from "@weft/protocol/channel";
import { MessageLog, decorate } from "../messageLog.ts";
import { RingBuffer } from "../ringBuffer.ts";

let seq = 0;
const row = (direction: "in" | "out", kind: string, preview: string, extra: Partial<MessageRow> = {}): MessageRow => ({
  sessionId: "s",
  seq: ++seq,
  direction,
  kind,
  bytes: preview.length,
  at: 1_000 + seq,
  preview,
  ...extra,
});

describe("ring buffer", () => {
  it("keeps the newest items and addresses them by an absolute index", () => {
    const r = new RingBuffer<number>(3);
    for (let i = 0; i < 5; i++) r.push(i * 10);
    expect([...r]).toEqual([20, 30, 40]);
    expect(r.first).toBe(2);
    expect(r.at(1)).toBeUndefined();
    expect(r.at(4)).toBe(40);
    expect(() => new RingBuffer(0)).toThrow(/positive integer/);
  });
});

describe("message log", () => {
  it("names the action and the control of a row", () => {
    expect(decorate(row("in", "event", '{"type":"event","id":12,"name":"click"}'))).toMatchObject({ action: "click", controlId: 12 });
    expect(decorate(row("out", "patch", '{"type":"patch","ops":[…', { ops: 3 }))).toMatchObject({ action: "patch · 3 ops" });
    expect(decorate(row("out", "invoke", '{"type":"invoke","callId":1,"method":"focus","id":4,"args":[]}'))).toMatchObject({ action: "invoke focus", controlId: 4 });
  });

  it("counts messages and bytes per direction, evicted rows included", () => {
    const log = new MessageLog(2);
    log.push([row("in", "event", "aaaa"), row("out", "patch", "bb"), row("out", "patch", "ccc")]);
    expect(log.totals).toEqual({ messages: 3, in: 1, out: 2, bytesIn: 4, bytesOut: 5 });
    expect(log.length).toBe(2);
    expect(log.row(0)!.preview).toBe("bb");
  });

  it("filters by direction, action, control name and text, and hides the devtools' own frames", () => {
    const log = new MessageLog(100, (id) => (id === 7 ? "Button#inc" : undefined));
    log.push([
      row("in", "event", '{"type":"event","id":7,"name":"click"}'),
      row("out", "patch", '{"type":"patch","ops":[{"op":"set","id":3}]}', { ops: 1 }),
      row("in", "timing", '{"type":"timing","seq":1,"ms":3}', { tool: true }),
    ]);
    expect(log.length).toBe(2);
    log.setFilter({ text: "", direction: "out", tool: false });
    expect(log.row(0)!.kind).toBe("patch");
    log.setFilter({ text: "button#inc", direction: "all", tool: false });
    expect(log.length).toBe(1);
    log.setFilter({ text: "", direction: "all", tool: true });
    expect(log.length).toBe(3);
    log.push([row("in", "event", '{"type":"event","id":7,"name":"click"}')]);
    expect(log.length).toBe(4);
  });

  it("freezes what it shows while paused and shows what came meanwhile on resume", () => {
    const log = new MessageLog(100);
    log.push([row("in", "event", "a")]);
    log.pause(true);
    log.push([row("out", "patch", "b"), row("out", "patch", "c")]);
    expect(log.length).toBe(1);
    expect(log.pending).toBe(2);
    log.pause(false);
    expect(log.length).toBe(3);
  });

  it("skips a row it already holds (a backlog overlapping live rows)", () => {
    const log = new MessageLog(100);
    const a = row("in", "event", "a");
    log.push([a, a]);
    expect(log.length).toBe(1);
    expect(log.totals.messages).toBe(1);
  });

  // Speed is measured by `npm run bench` (inspector section), not asserted here; the time limit
  // only leaves room for a loaded machine (150,000 rows took 5 s with 12 jobs on 2 cores).
  it("stays bounded at its capacity with 150,000 rows pushed, and filters them all", { timeout: 60_000 }, () => {
    const log = new MessageLog(100_000);
    const rows = Array.from({ length: 150_000 }, (_, i) => row(i % 2 ? "in" : "out", i % 2 ? "event" : "patch", `{"type":"x","id":${i}}`));
    for (let i = 0; i < rows.length; i += 1000) log.push(rows.slice(i, i + 1000));
    expect(log.length).toBe(100_000);
    expect(log.totals.messages).toBe(150_000);
    log.setFilter({ text: "event", direction: "all", tool: false });
    expect(log.length).toBe(50_000);
  });
});

describe("message log lookups", () => {
  it("finds rows by seq, shown or filtered out", () => {
    const log = new MessageLog(1_000);
    const rows = Array.from({ length: 500 }, (_, i) => row(i % 2 ? "in" : "out", i % 2 ? "event" : "patch", `{"id":${i}}`));
    log.push(rows);
    log.setFilter({ text: "", direction: "in", tool: false });
    const anIn = rows[101]!;
    const anOut = rows[100]!;
    expect(log.row(log.indexOfSeq(anIn.seq))!.seq).toBe(anIn.seq);
    expect(log.indexOfSeq(anOut.seq)).toBe(-1);
    expect(log.bySeq(anOut.seq)!.seq).toBe(anOut.seq);
    expect(log.bySeq(-5)).toBeUndefined();
  });
});

describe("message log backlog", () => {
  it("puts the rows from before the tool watched first, each once, and keeps the dropped count", () => {
    const log = new MessageLog(100);
    const mk = (seq: number): MessageRow => ({ sessionId: "s", seq, direction: "in", kind: "event", bytes: 1, at: seq, preview: "{}" });
    log.push([mk(5), mk(6)]);
    log.noteDropped(2);
    log.backfill([mk(3), mk(4), mk(5)]);
    expect(log.all().map((r) => r.seq)).toEqual([3, 4, 5, 6]);
    expect(log.totals.messages).toBe(4);
    expect(log.dropped).toBe(2);
  });
});

describe("message log gaps (a thinned frame's rows)", () => {
  /** Rows `from`–`to` (in, out alternating; `tool` on every tenth), and their `SkippedRows`. */
  const span = (from: number, to: number) => {
    const rows: MessageRow[] = [];
    for (let s = from; s <= to; s++) {
      const direction = s % 2 === 0 ? "in" : "out";
      rows.push({ sessionId: "s", seq: s, direction, kind: direction === "in" ? "event" : "patch", bytes: direction === "in" ? 40 : 100, at: s, preview: `{"type":"${direction === "in" ? "event" : "patch"}","n":"row ${s}"}`, ...(s % 10 === 0 ? { tool: true } : {}) });
    }
    const sum = (rs: MessageRow[]) => rs.reduce((n, r) => n + r.bytes, 0);
    const ins = rows.filter((r) => r.direction === "in");
    const tools = rows.filter((r) => r.tool);
    const toolIns = tools.filter((r) => r.direction === "in");
    const skipped: [number, number, number, number, number, number, number, number, number, number] = [from, to, rows.length, ins.length, sum(ins), sum(rows) - sum(ins), tools.length, toolIns.length, sum(toolIns), sum(tools) - sum(toolIns)];
    return { rows, skipped };
  };
  /** The totals of these rows as the log counts them, to compare with a log that holds a gap. */
  const totalsOf = (rows: MessageRow[], tool: boolean) => {
    const log = new MessageLog();
    log.push(rows);
    log.setFilter({ text: "", direction: "all", tool });
    return log.totals;
  };
  const shown = (log: MessageLog) => Array.from({ length: log.length }, (_, i) => log.row(i)!).map((r) => (r.gap ? `gap ${r.gap.fromSeq}-${r.gap.toSeq}${r.gap.kept ? "" : " not kept"}` : r.seq));

  it("holds the left-out rows as one entry in seq order, with totals as if every row had come", () => {
    const log = new MessageLog();
    const older = span(1, 100);
    const newer = span(101, 110);
    log.pushGap("s", older.skipped);
    log.push(newer.rows);
    expect(shown(log)).toEqual(["gap 1-100", ...newer.rows.filter((r) => !r.tool).map((r) => r.seq)]);
    expect(log.totals).toEqual(totalsOf([...older.rows, ...newer.rows], false));
    log.setFilter({ text: "", direction: "all", tool: true });
    expect(log.totals).toEqual(totalsOf([...older.rows, ...newer.rows], true));
    expect(log.gaps()).toHaveLength(1);
    expect(log.gaps(105, 200)).toEqual([]);
  });

  it("puts fetched rows in the gap's place, in seq order, the totals unchanged", () => {
    const log = new MessageLog();
    const older = span(1, 100);
    const newer = span(101, 110);
    log.pushGap("s", older.skipped);
    log.push(newer.rows);
    const before = log.totals;
    log.fill(log.gaps(), older.rows);
    expect(log.gaps()).toEqual([]);
    expect(log.all().map((r) => r.seq)).toEqual([...older.rows, ...newer.rows].map((r) => r.seq));
    expect(log.totals).toEqual(before);
    expect(log.bySeq(42)?.preview).toContain("row 42");
  });

  it("says what the agent no longer kept as a smaller gap of older messages, counted still", () => {
    const log = new MessageLog();
    const older = span(1, 100);
    log.pushGap("s", older.skipped);
    log.push(span(101, 103).rows);
    const before = log.totals;
    // The agent keeps the newest: it had 61–100 only.
    log.fill(log.gaps(), older.rows.slice(60));
    expect(shown(log)[0]).toBe("gap 1-60 not kept");
    expect(log.row(0)!.gap!.count).toBe(60);
    expect(log.totals).toEqual(before);
    expect(log.gaps()).toEqual([]); // nothing left to fetch
    // A gap the agent had nothing of is not kept, whole.
    const other = new MessageLog();
    other.pushGap("s", span(1, 50).skipped);
    other.fill(other.gaps(), []);
    expect(shown(other)).toEqual(["gap 1-50 not kept"]);
  });

  it("shows a gap under a direction filter only if it holds rows of that direction, and under a text filter until it is known to be gone", () => {
    const log = new MessageLog();
    log.pushGap("s", [1, 3, 3, 3, 120, 0]); // three rows, all in
    log.push(span(4, 5).rows);
    log.setFilter({ text: "", direction: "out", tool: false });
    expect(shown(log)).toEqual([5]);
    log.setFilter({ text: "row 2", direction: "all", tool: false });
    expect(shown(log)).toEqual(["gap 1-3"]); // may hold it: the model fills it
    log.fill(log.gaps(), span(1, 3).rows.map((r) => ({ ...r, direction: "in" as const })));
    expect(shown(log)).toEqual([2]);
    log.setFilter({ text: "nothing like this", direction: "all", tool: false });
    expect(log.length).toBe(0);
  });
});
