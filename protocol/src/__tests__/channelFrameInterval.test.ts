import { afterEach, describe, expect, it, vi } from "vitest";
import { Channel } from "../channel/channel.ts";

afterEach(() => vi.useRealTimers());

describe("channel frame spacing (minFrameIntervalMs)", () => {
  it("sends the first message at the end of its microtask, then spaces frames out under traffic", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
    const frames: string[] = [];
    const channel = new Channel<{ type: string; n: number }, { type: string }>({ send: (t) => frames.push(t), close() {} }, { minFrameIntervalMs: 16 });
    channel.send({ type: "a", n: 1 });
    await Promise.resolve();
    expect(frames).toHaveLength(1); // quiet before: no wait
    for (let n = 2; n <= 50; n++) {
      channel.send({ type: "a", n });
      await Promise.resolve();
    }
    expect(frames).toHaveLength(1); // the rest waits for the next slot…
    vi.advanceTimersByTime(16);
    expect(frames).toHaveLength(2); // …and leaves as one frame
    expect((JSON.parse(frames[1]!) as unknown[]).length).toBe(49);
  });

  it("batches steady traffic into busyFrameIntervalMs frames, keeps a short burst's frames minFrameIntervalMs apart, and starts over after a quiet spell", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
    const sentAt: number[] = [];
    const channel = new Channel<{ type: string }, { type: string }>({ send: () => sentAt.push(performance.now()), close() {} }, { minFrameIntervalMs: 16, busyFrameIntervalMs: 100 });
    const t0 = performance.now();
    // A message every 4 ms for 600 ms: a session under steady traffic.
    for (let t = 0; t < 600; t += 4) {
      channel.send({ type: "event" });
      await vi.advanceTimersByTimeAsync(4);
    }
    await vi.advanceTimersByTimeAsync(200);
    const gaps = sentAt.map((at, i) => Math.round(at - (i === 0 ? t0 : sentAt[i - 1]!)));
    expect(gaps[0]).toBe(0); // the first frame at once
    // The burst's first 100 ms (a click's reaction) at 16 ms; from then on, 100 ms apart.
    const early = sentAt.filter((at) => at - t0 <= 100 + 16).length;
    expect(gaps.slice(1, early)).toEqual(Array(early - 1).fill(16));
    expect(gaps.slice(early)).toEqual(Array(gaps.length - early).fill(100));
    expect(sentAt.length).toBeLessThan(15); // not the 38 frames of 16 ms spacing

    // Quiet for longer than the window: the next message leaves at once again, its burst at 16 ms.
    const before = sentAt.length;
    const t1 = performance.now();
    channel.send({ type: "click" });
    await Promise.resolve();
    expect(sentAt.length).toBe(before + 1);
    await vi.advanceTimersByTimeAsync(2);
    channel.send({ type: "patch" });
    await vi.advanceTimersByTimeAsync(20);
    expect(sentAt.length).toBe(before + 2);
    expect(Math.round(sentAt.at(-1)! - t1)).toBe(16);
  });

  it("sends an urgent message (an answer) at the end of its microtask, with what waited before it", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
    const frames: { type: string }[][] = [];
    const channel = new Channel<{ type: string }, { type: string }>(
      { send: (t) => frames.push(JSON.parse(t) as { type: string }[]), close() {} },
      { minFrameIntervalMs: 16, busyFrameIntervalMs: 100, isUrgent: (m) => m.type === "result" },
    );
    channel.send({ type: "row" });
    await Promise.resolve();
    channel.send({ type: "row" });
    channel.send({ type: "result" });
    await Promise.resolve();
    expect(frames.map((f) => f.map((m) => m.type))).toEqual([["row"], ["row", "result"]]);
    await vi.advanceTimersByTimeAsync(200);
    expect(frames).toHaveLength(2); // the slot it took is not sent again
  });

  it("takes another batching window (a reader's hello), never below the minimum spacing", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
    const sentAt: number[] = [];
    const channel = new Channel<{ type: string }, { type: string }>({ send: () => sentAt.push(performance.now()), close() {} }, { minFrameIntervalMs: 16, busyFrameIntervalMs: 100 });
    channel.setBusyFrameInterval(1);
    for (let t = 0; t < 400; t += 4) {
      channel.send({ type: "event" });
      await vi.advanceTimersByTimeAsync(4);
    }
    const gaps = sentAt.slice(1).map((at, i) => Math.round(at - sentAt[i]!));
    expect(new Set(gaps)).toEqual(new Set([16]));
  });

  it("flushes what waits when it closes", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
    const frames: string[] = [];
    const channel = new Channel<{ type: string }, { type: string }>({ send: (t) => frames.push(t), close() {} }, { minFrameIntervalMs: 16 });
    channel.flush();
    channel.send({ type: "x" });
    channel.flush();
    channel.send({ type: "late" });
    channel.close(1000, "bye");
    expect(frames.map((f) => JSON.parse(f))).toEqual([[{ type: "x" }], [{ type: "late" }]]);
    vi.advanceTimersByTime(100);
    expect(frames).toHaveLength(2);
  });
});

describe("channel frame groups (Channel.group)", () => {
  class Parts {
    readonly parts: number[] = [];
    constructor(readonly key: string) {}
    json() {
      return JSON.stringify({ type: "parts", key: this.key, parts: this.parts });
    }
  }

  it("gathers the parts of one key sent while a frame waits into one message, at the group's place; a plain message closes the groups before it", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
    const frames: unknown[][] = [];
    const channel = new Channel<{ type: string }, { type: string }>({ send: (t) => frames.push(JSON.parse(t) as unknown[]), close() {} }, { minFrameIntervalMs: 16 });
    const add = (key: string, n: number) => channel.group("parts", key, { type: "parts" }, () => new Parts(key))!.parts.push(n);
    add("a", 1);
    add("b", 2);
    add("a", 3);
    channel.send({ type: "plain" });
    add("a", 4);
    await Promise.resolve();
    add("a", 5);
    add("b", 6);
    vi.advanceTimersByTime(16);
    expect(frames).toEqual([
      [
        { type: "parts", key: "a", parts: [1, 3] },
        { type: "parts", key: "b", parts: [2] },
        { type: "plain" },
        { type: "parts", key: "a", parts: [4] },
      ],
      [
        { type: "parts", key: "a", parts: [5] },
        { type: "parts", key: "b", parts: [6] },
      ],
    ]);
  });

  it("hands a transport that takes pieces a group's bytes as they are, making the same frame as the text path", () => {
    class Bytes {
      constructor(readonly text: string) {}
      json() {
        return this.text;
      }
      chunks() {
        const bytes = new TextEncoder().encode(this.text);
        return [bytes.subarray(0, 3), bytes.subarray(3)];
      }
    }
    const texts: string[] = [];
    const pieced: (string | Uint8Array)[][] = [];
    const plain = new Channel<{ type: string }, { type: string }>({ send: (t) => texts.push(t), close() {} });
    const bytes = new Channel<{ type: string }, { type: string }>({ send: (t) => texts.push(t), sendPieces: (p) => pieced.push([...p]), close() {} });
    for (const channel of [plain, bytes]) {
      channel.send({ type: "before" });
      channel.group("parts", "a", { type: "parts" }, () => new Bytes('{"type":"parts","é":"ü"}'));
      channel.send({ type: "after" });
      channel.flush();
    }
    expect(texts).toHaveLength(1);
    expect(pieced).toHaveLength(1);
    expect(pieced[0]!.some((p) => p instanceof Uint8Array)).toBe(true);
    const decoded = pieced[0]!.map((p) => (typeof p === "string" ? p : new TextDecoder().decode(p))).join("");
    expect(decoded).toBe(texts[0]);
    expect(JSON.parse(decoded)).toEqual([{ type: "before" }, { type: "parts", é: "ü" }, { type: "after" }]);
  });

  it("drops a droppable part for a slow reader and counts it, and gives nothing once closed", () => {
    let buffered = 0;
    const frames: string[] = [];
    const channel = new Channel<{ type: string }, { type: string }>(
      { send: (t) => frames.push(t), close() {}, get bufferedAmount() { return buffered; } },
      { highWaterBytes: 10, isDroppable: () => true, droppedMessage: (count) => ({ type: "dropped", count }) as { type: string } },
    );
    buffered = 100;
    expect(channel.group("parts", "a", { type: "parts" }, () => new Parts("a"))).toBeNull();
    buffered = 0;
    channel.group("parts", "a", { type: "parts" }, () => new Parts("a"))!.parts.push(1);
    channel.flush();
    expect(JSON.parse(frames[0]!)).toEqual([{ type: "parts", key: "a", parts: [1] }, { type: "dropped", count: 1 }]);
    channel.close(1000, "bye");
    expect(channel.group("parts", "a", { type: "parts" }, () => new Parts("a"))).toBeNull();
  });
});
