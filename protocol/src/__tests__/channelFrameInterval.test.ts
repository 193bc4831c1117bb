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
