import { describe, expect, it } from "vitest";
import { Utf8Chunks } from "../utf8Chunks.ts";
import { TupleGroup } from "../channelGroups.ts";

describe("Utf8Chunks", () => {
  it("keeps what was written, in order, across the buffers it grows into (non-ASCII and long texts too)", () => {
    const out = new Utf8Chunks(16);
    const texts = Array.from({ length: 5_000 }, (_, i) => (i % 7 === 0 ? `«ü ${i} 🙂»` : i % 501 === 0 ? "x".repeat(40_000) : `[${i},"row"]`));
    for (const text of texts) out.write(text);
    expect(out.chunks().length).toBeGreaterThan(1);
    expect(Buffer.concat(out.chunks()).toString()).toBe(texts.join(""));
  });
});

describe("TupleGroup", () => {
  it("writes its rows, and a chains group's round trips after its chains, as the JSON a tool parses", () => {
    const rows = new TupleGroup("rows", "s1");
    rows.add('[1,"in","event",38,1.5,"{\\"type\\":\\"event\\"}"]');
    rows.add('[2,"out","patch",66,1.6,"é",1]');
    expect(JSON.parse(rows.json())).toEqual({ type: "rows", sessionId: "s1", rows: [[1, "in", "event", 38, 1.5, '{"type":"event"}'], [2, "out", "patch", 66, 1.6, "é", 1]] });
    expect(Buffer.concat(rows.chunks()).toString()).toBe(rows.json()); // the bytes a transport sends are that JSON

    const chains = new TupleGroup("chains", "s1");
    chains.addRoundTrip(1, 0.52);
    chains.add("[3]");
    chains.addRoundTrip(3, 1.25);
    expect(JSON.parse(chains.json())).toEqual({ type: "chains", sessionId: "s1", chains: [[3]], roundTrips: [[1, 0.52], [3, 1.25]] });
    expect(JSON.parse(new TupleGroup("chains", "s2").json())).toEqual({ type: "chains", sessionId: "s2", chains: [] });
  });
});
