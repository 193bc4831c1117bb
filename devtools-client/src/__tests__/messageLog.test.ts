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
