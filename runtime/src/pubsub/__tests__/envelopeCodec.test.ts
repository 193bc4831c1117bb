import { describe, expect, it } from "vitest";
import { WeftError } from "../../errors.ts";
import { decodeEnvelope, encodeEnvelope } from "../envelopeCodec.ts";

describe("envelopes between processes", () => {
  it("round-trip with the sending process's id", () => {
    const envelope = { topic: "room", from: "s1", toOthers: true, message: { text: "hi", n: [1, 2] } };
    expect(decodeEnvelope(encodeEnvelope(envelope, "p1"))).toEqual({ ok: true, processId: "p1", envelope });
    const all = { topic: null, from: "s2", toOthers: false, message: null };
    expect(decodeEnvelope(encodeEnvelope(all, "p2"))).toEqual({ ok: true, processId: "p2", envelope: all });
  });

  it("refuse a message JSON cannot carry, with a code and the fix", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const message of [10n, cyclic]) {
      let thrown: unknown;
      try {
        encodeEnvelope({ topic: null, from: "s", toOthers: false, message }, "p");
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(WeftError);
      expect(thrown).toMatchObject({ code: "PUBSUB_MESSAGE", message: expect.stringMatching(/send plain data/) });
    }
  });

  it("say why a Redis message is not an envelope", () => {
    expect(decodeEnvelope("hello")).toEqual({ ok: false, reason: "not JSON" });
    expect(decodeEnvelope("[1]")).toMatchObject({ ok: false });
    expect(decodeEnvelope('{"v":2,"p":"x"}')).toEqual({ ok: false, reason: "envelope version 2, this process reads 1" });
    expect(decodeEnvelope('{"v":1,"p":"x","t":null,"f":"s","o":"yes","m":1}')).toMatchObject({ ok: false, reason: expect.stringMatching(/wrong type/) });
    expect(decodeEnvelope('{"v":1,"p":"x","t":null,"f":"s","o":true}')).toMatchObject({ ok: false });
  });
});
