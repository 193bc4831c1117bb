import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ClientMessage, ServerMessage } from "@weft/protocol";
import { createRoundTrip } from "../roundTrip.ts";

const registered = (devtools?: boolean): ServerMessage => ({
  type: "registered",
  protocol: 1,
  sessionId: "s",
  resumed: false,
  page: { i: 1, t: "Page", p: {} },
  ...(devtools ? { devtools } : {}),
});
const patch: ServerMessage = { type: "patch", ops: [] };
const click: ClientMessage = { type: "event", id: 5, name: "click" };

let frames: (() => void)[] = [];
beforeEach(() => {
  frames = [];
  vi.stubGlobal("requestAnimationFrame", (fn: () => void) => frames.push(fn));
});
afterEach(() => vi.unstubAllGlobals());

describe("round trip timings in the renderer", () => {
  it("leaves events alone until the server asks for timings", () => {
    const sent: ClientMessage[] = [];
    const rt = createRoundTrip((m) => (sent.push(m), true));
    const handle = rt.observe(() => {});
    handle(registered());
    expect(rt.stamp(click)).toBe(click);
    handle(patch);
    expect(frames).toHaveLength(0);
    expect(sent).toEqual([]);
  });

  it("numbers events and reports each once the next patch was applied and drawn", () => {
    const sent: ClientMessage[] = [];
    const applied: string[] = [];
    const rt = createRoundTrip((m) => (sent.push(m), true));
    const handle = rt.observe((m) => applied.push(m.type));
    handle(registered(true));
    expect(rt.stamp(click)).toEqual({ ...click, seq: 1 });
    expect(rt.stamp({ type: "props", id: 5, props: { value: "x" } })).not.toHaveProperty("seq");
    expect(rt.stamp(click)).toEqual({ ...click, seq: 2 });
    handle(patch);
    expect(applied).toEqual(["registered", "patch"]); // the patch is applied before timing starts
    expect(sent).toEqual([]);
    frames.shift()!();
    expect(sent).toEqual([
      { type: "timing", seq: 1, ms: expect.any(Number) },
      { type: "timing", seq: 2, ms: expect.any(Number) },
    ]);
    handle(patch); // nothing waits any more
    expect(frames).toHaveLength(0);
  });

  it("starts numbering again on a new connection", () => {
    const rt = createRoundTrip(() => true);
    const handle = rt.observe(() => {});
    handle(registered(true));
    rt.stamp(click);
    handle(registered(true));
    expect(rt.stamp(click)).toEqual({ ...click, seq: 1 });
  });
});
