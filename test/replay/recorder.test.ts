import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { openSession, readRecording, replay, RECORDING_FORMAT } from "weft/testing";
import { startRecorder } from "@weft/agent";
import counter from "@weft/examples/counter.ts";

/** The recorder only listens on the hook, so headless sessions are recorded like browser ones. */
const counterPath = fileURLToPath(new URL("../../examples/counter.ts", import.meta.url));

let stop: (() => Promise<void>) | undefined;
afterEach(() => stop?.());

function recordInto(options: { gzip?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "weft-recorder-"));
  const files: string[] = [];
  stop = startRecorder({ dir, app: counterPath, onRecording: (file) => files.push(file), ...options });
  return { dir, files };
}

describe("startRecorder", () => {
  it("writes one file per session: the header, every message with its time, and an end line", async () => {
    const { dir, files } = recordInto();
    const s = await openSession(counter, { clientInfo: { userAgent: "test-agent" } });
    await s.find({ key: "inc" }).click();
    s.close();
    expect(readdirSync(dir)).toHaveLength(1);
    expect(files[0]).toMatch(/counter-\d{8}-\d{6}-[\w-]{8}\.weft\.jsonl$/);
    const lines = readFileSync(files[0]!, "utf8").trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ format: RECORDING_FORMAT, version: 1, protocol: 1, sessionId: s.session.id, client: { route: "/", userAgent: "test-agent" } });
    expect(lines[0].app).toMatch(/^(\.\.\/)+.*examples\/counter\.ts$/); // relative to the recording
    expect(Date.parse(lines[0].startedAt)).not.toBeNaN();
    expect(lines.slice(1).map((l) => l.in?.type ?? l.out?.type ?? l.event)).toEqual(["register", "registered", "event", "patch", "disconnect", "end"]);
    expect(lines.at(-1)).toMatchObject({ event: "end", reason: "test finished" });
    const times = lines.slice(1).map((l) => l.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("makes recordings that replay against the app named in their header", async () => {
    const { files } = recordInto();
    const s = await openSession(counter);
    await s.find({ key: "inc" }).click();
    await s.find({ key: "dec" }).click();
    s.close();
    const result = await replay(files[0]!);
    expect(result.differences).toEqual([]);
    expect(result.steps).toBe(4);
  });

  it("keeps sessions apart, and stop() ends the recordings of sessions still open", async () => {
    const { files } = recordInto();
    const a = await openSession(counter);
    const b = await openSession(counter);
    await a.find({ key: "inc" }).click();
    stop!();
    await b.find({ key: "inc" }).click(); // after stop: not recorded
    expect(files).toHaveLength(2);
    const [ra, rb] = await Promise.all(files.map((f) => readRecording(f)));
    expect(ra!.header.sessionId).toBe(a.session.id);
    expect(ra!.entries.at(-1)).toMatchObject({ event: "end", reason: "recorder stopped" });
    expect(rb!.entries.filter((e) => "in" in e)).toHaveLength(1); // only its register
    a.close();
    b.close();
  });

  it("writes .weft.jsonl.gz when asked: one gzip stream, smaller than the text, that replays as recorded", async () => {
    const { files } = recordInto({ gzip: true });
    const s = await openSession(counter);
    for (let i = 0; i < 5; i++) await s.find({ key: "inc" }).click();
    s.close();
    await stop!(); // a gzip file is finished asynchronously
    expect(files[0]).toMatch(/counter-\d{8}-\d{6}-[\w-]{8}\.weft\.jsonl\.gz$/);
    const bytes = readFileSync(files[0]!);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const text = gunzipSync(bytes).toString();
    expect(text.trimEnd().split("\n").at(-1)).toMatch(/"event":"end"/);
    expect(bytes.length).toBeLessThan(text.length / 2);
    const result = await replay(files[0]!);
    expect(result.differences).toEqual([]);
    expect(result.steps).toBe(7); // open, five clicks, the disconnect
  });

  it("does not record sessions that opened before it started", async () => {
    const early = await openSession(counter);
    const { dir } = recordInto();
    await early.find({ key: "inc" }).click();
    early.close();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("startRecorder, with frames a browser should not send", () => {
  it("keeps each line one line, and notes frames that are not JSON without replaying them", async () => {
    const { files } = recordInto();
    const s = await openSession(counter);
    const inc = s.find({ key: "inc" }).id;
    // What a hand-written client might send: pretty-printed JSON, then garbage.
    (s as unknown as { connection: { receive(text: string): void } }).connection.receive(JSON.stringify({ type: "event", id: inc, name: "click" }, null, 2));
    await s.settle();
    (s as unknown as { connection: { receive(text: string): void } }).connection.receive("not json");
    stop!();
    const recording = await readRecording(files[0]!);
    expect(recording.entries.filter((e) => "in" in e && e.in.type === "event")).toHaveLength(1);
    expect(recording.entries.some((e) => "event" in e && e.event === "bad-frame" && e.text === "not json")).toBe(true);
  });
});
