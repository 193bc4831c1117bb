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
