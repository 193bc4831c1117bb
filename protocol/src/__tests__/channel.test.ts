import { describe, expect, it } from "vitest";
import { Channel, ChannelCloseCode, channelDefaults, type ChannelTransport } from "../channel/index.ts";

type Msg = { type: "a"; n: number } | { type: "b" } | { type: "dropped"; count: number };

function pipe(buffered = 0) {
  const frames: string[] = [];
  const closed: { code: number; reason: string }[] = [];
  const transport: ChannelTransport & { bufferedAmount: number } = {
    bufferedAmount: buffered,
    send: (text) => frames.push(text),
    close: (code, reason) => closed.push({ code, reason }),
  };
  return { frames, closed, transport };
}
const tick = () => new Promise<void>((r) => queueMicrotask(r));

describe("Channel", () => {
  it("sends every message of one microtask as one frame, a JSON array", async () => {
    const { frames, transport } = pipe();
    const channel = new Channel<Msg, Msg>(transport);
    channel.send({ type: "a", n: 1 });
    channel.send({ type: "b" });
    channel.send({ type: "a", n: 2 });
    expect(frames).toEqual([]);
    await tick();
    expect(frames.map((f) => JSON.parse(f))).toEqual([[{ type: "a", n: 1 }, { type: "b" }, { type: "a", n: 2 }]]);
  });

  it("dispatches each message of a frame to the handlers of its type", () => {
    const { transport } = pipe();
    const channel = new Channel<Msg, Msg>(transport);
    const seen: string[] = [];
    channel.on("a", (m) => seen.push(`a${m.n}`));
    const off = channel.on("b", () => seen.push("b"));
    channel.receive(JSON.stringify([{ type: "a", n: 1 }, { type: "b" }]));
    off();
    channel.receive(JSON.stringify([{ type: "b" }, { type: "a", n: 2 }]));
    expect(seen).toEqual(["a1", "b", "a2"]);
  });

  it("closes with a precise reason on a frame that is not JSON, not an array, or has no type", () => {
    for (const [frame, reason] of [
      ["{nope", /not JSON/],
      ['{"type":"a"}', /not a JSON array/],
      ['[{"type":"a"},{"kind":1}]', /message 1 .* no string 'type'/],
    ] as const) {
      const { closed, transport } = pipe();
      const channel = new Channel<Msg, Msg>(transport);
      channel.receive(frame);
      expect(closed[0]!.code).toBe(ChannelCloseCode.BadFrame);
      expect(closed[0]!.reason).toMatch(reason);
      expect(channel.closed).toBe(true);
    }
  });

  it("refuses a frame above the size limit", () => {
    const { closed, transport } = pipe();
    const channel = new Channel<Msg, Msg>(transport, { maxFrameChars: 10 });
    channel.receive(JSON.stringify([{ type: "b" }, { type: "b" }]));
    expect(closed[0]!.code).toBe(ChannelCloseCode.TooBig);
  });

  it("lets a tool take the devserver's big frames (the tree of a 10,000-control page) while the devserver keeps its own limit small", () => {
    const tree = JSON.stringify([{ type: "b", pad: "x".repeat(2 * 1024 * 1024) }]);
    const devserverSide = pipe();
    new Channel<Msg, Msg>(devserverSide.transport).receive(tree);
    expect(devserverSide.closed[0]!.code).toBe(ChannelCloseCode.TooBig);
    const toolSide = pipe();
    const received: Msg[] = [];
    const tool = new Channel<Msg, Msg>(toolSide.transport, { maxFrameChars: channelDefaults.toolMaxFrameChars });
    tool.on("b", (m) => received.push(m));
    tool.receive(tree);
    expect(toolSide.closed).toEqual([]);
    expect(received).toHaveLength(1);
  });

  it("drops droppable messages while the socket is backed up, then says how many", async () => {
    const { frames, transport } = pipe(10_000);
    const channel = new Channel<Msg, Msg>(transport, {
      highWaterBytes: 1000,
      isDroppable: (m) => m.type === "a",
      droppedMessage: (count) => ({ type: "dropped", count }),
    });
    channel.send({ type: "a", n: 1 });
    channel.send({ type: "b" });
    channel.send({ type: "a", n: 2 });
    await tick();
    expect(JSON.parse(frames[0]!)).toEqual([{ type: "b" }]);
    transport.bufferedAmount = 0;
    channel.send({ type: "a", n: 3 });
    await tick();
    expect(JSON.parse(frames[1]!)).toEqual([{ type: "a", n: 3 }, { type: "dropped", count: 2 }]);
  });

  it("a throwing handler does not stop the others", () => {
    const { transport } = pipe();
    const channel = new Channel<Msg, Msg>(transport);
    const seen: number[] = [];
    const error = console.error;
    console.error = () => {};
    try {
      channel.on("a", () => {
        throw new Error("bug");
      });
      channel.on("a", (m) => seen.push(m.n));
      channel.receive(JSON.stringify([{ type: "a", n: 7 }]));
    } finally {
      console.error = error;
    }
    expect(seen).toEqual([7]);
  });

  it("closes with 4010 on a frame nested deeper than the limit, before parsing it", () => {
    const { closed, transport } = pipe();
    const channel = new Channel<Msg, Msg>(transport);
    const seen: unknown[] = [];
    channel.onMessage((m) => seen.push(m));
    channel.receive(`[{"type":"a","n":${"[".repeat(20_000)}${"]".repeat(20_000)}}]`);
    expect(closed).toEqual([{ code: ChannelCloseCode.TooDeep, reason: expect.stringContaining(String(channelDefaults.maxDepth)) }]);
    expect(ChannelCloseCode.TooDeep).toBe(4010);
    expect(seen).toEqual([]);
  });
});
