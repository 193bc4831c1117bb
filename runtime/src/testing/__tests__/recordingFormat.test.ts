import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { PROTOCOL_VERSION } from "@weft/protocol";
import { defaultTestPath } from "../emitTest.ts";
import { RecordingError } from "../recordingError.ts";
import {
  formatRecordingEntry,
  formatRecordingHeader,
  parseRecording,
  readRecording,
  RECORDING_FORMAT,
  RECORDING_VERSION,
} from "../recordingFormat.ts";

const header = formatRecordingHeader({ app: "../app.ts", client: { route: "/" }, startedAt: "2026-01-01T00:00:00.000Z", sessionId: "abc" });
const register = formatRecordingEntry({ t: 0, in: { type: "register", protocol: PROTOCOL_VERSION, client: { route: "/" } } });
const registered = formatRecordingEntry({
  t: 1.23456,
  out: { type: "registered", protocol: PROTOCOL_VERSION, sessionId: "abc", resumed: false, page: { i: 1, t: "Page", p: {} } },
});
const end = formatRecordingEntry({ t: 2, event: "end", reason: "test" });
const whole = header + register + registered + end;

function refusal(text: string): RecordingError {
  try {
    parseRecording(text, "rec.jsonl");
  } catch (err) {
    if (err instanceof RecordingError) return err;
    throw err;
  }
  throw new Error("parsed without complaint");
}

describe("recording format", () => {
  it("writes a versioned header and one JSON line per entry, and reads them back", () => {
    expect(JSON.parse(header)).toMatchObject({ format: RECORDING_FORMAT, version: RECORDING_VERSION, app: "../app.ts", protocol: PROTOCOL_VERSION, weft: expect.any(String) });
    const recording = parseRecording(whole, "rec.jsonl");
    expect(recording.header.sessionId).toBe("abc");
    expect(recording.entries.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(recording.entries[1]).toMatchObject({ t: 1.2, out: { type: "registered" } });
    expect(recording.entries[2]).toMatchObject({ event: "end", reason: "test" });
  });

  it("skips events it does not know, for later additions within a version", () => {
    const recording = parseRecording(header + register + formatRecordingEntry({ t: 1, event: "future-thing" }) + end);
    expect(recording.entries.map((e) => ("event" in e ? e.event : "message"))).toEqual(["message", "future-thing", "end"]);
  });

  it("calls a file cut in the middle of a line truncated, naming the line", () => {
    const error = refusal(whole.slice(0, header.length + register.length + 40));
    expect(error.code).toBe("TRUNCATED");
    expect(error.message).toMatch(/^rec.jsonl is truncated: its last line \(3\) is cut off after 40 characters/);
  });

  it("calls a file cut between lines truncated, as it has no end line", () => {
    const error = refusal(header + register + registered);
    expect(error.code).toBe("TRUNCATED");
    expect(error.message).toMatch(/stops after line 3 without its "end" line/);
  });

  it("calls a file cut inside its header truncated", () => {
    expect(refusal(header.slice(0, 50)).code).toBe("TRUNCATED");
  });

  it("refuses another format version, saying which one it reads", () => {
    const v2 = header.replace(`"version":${RECORDING_VERSION}`, '"version":2');
    const error = refusal(v2 + register + end);
    expect(error.code).toBe("FORMAT_VERSION");
    expect(error.message).toMatch(/is in recording format version 2, but this weft \(.*\) reads version 1/);
  });

  it("refuses another protocol version", () => {
    const error = refusal(header.replace(`"protocol":${PROTOCOL_VERSION}`, '"protocol":99') + register + end);
    expect(error.code).toBe("PROTOCOL_VERSION");
    expect(error.message).toMatch(/recorded with weft protocol 99/);
  });

  it("refuses files that are not recordings", () => {
    expect(refusal("").code).toBe("NOT_A_RECORDING");
    expect(refusal("hello\n").code).toBe("NOT_A_RECORDING");
    expect(refusal('{"format":"something-else"}\n').message).toMatch(/its first line should be a header with "format": "weft-recording"/);
  });

  it("refuses a malformed line with its number and what was wrong", () => {
    expect(refusal(header + "{oops\n" + end).message).toMatch(/^rec.jsonl, line 2 is not JSON/);
    expect(refusal(header + '{"t":1}\n' + end).message).toBe('rec.jsonl, line 2: a line holds exactly one of "in", "out" or "event"');
    expect(refusal(header + '{"t":1,"in":{"type":"event","id":-1,"name":"click"}}\n' + end).message).toMatch(/line 2: the client message is malformed: event needs a positive integer 'id'/);
    expect(refusal(header + '{"t":1,"out":{"type":"patch"}}\n' + end).message).toMatch(/line 2: a "patch" message needs "ops"/);
    expect(refusal(whole + register).message).toBe('rec.jsonl, line 5: nothing may follow the "end" line');
  });

  it("says when the file cannot be read", async () => {
    const error = (await readRecording("/no/such/recording.jsonl").catch((e: unknown) => e)) as RecordingError;
    expect(error.code).toBe("UNREADABLE");
    expect(error.message).toBe("cannot read /no/such/recording.jsonl: no such file");
  });
});

describe("gzip-compressed recordings", () => {
  const dir = mkdtempSync(join(tmpdir(), "weft-recording-gz-"));
  const write = (name: string, bytes: Buffer | string) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };

  it("reads a .weft.jsonl.gz as the same recording as its plain text", async () => {
    const recording = await readRecording(write("a.weft.jsonl.gz", gzipSync(whole)));
    expect(recording.header.sessionId).toBe("abc");
    expect(recording.entries.map((e) => e.line)).toEqual([2, 3, 4]);
  });

  it("tells gzip by its bytes, not its name, and reads concatenated gzip members", async () => {
    const renamed = await readRecording(write("renamed.weft.jsonl", gzipSync(whole)));
    expect(renamed.entries).toHaveLength(3);
    const plainNamedGz = await readRecording(write("plain.weft.jsonl.gz", whole));
    expect(plainNamedGz.entries).toHaveLength(3);
    const members = await readRecording(write("members.weft.jsonl.gz", Buffer.concat([gzipSync(header + register), gzipSync(registered + end)])));
    expect(members.entries).toHaveLength(3);
  });

  it("refuses a damaged gzip file as BAD_GZIP and a cut one as TRUNCATED, naming the file", async () => {
    const gz = gzipSync(whole);
    const damaged = Buffer.from(gz);
    for (let i = 12; i < damaged.length - 8; i += 7) damaged[i]! ^= 0x5a;
    const bad = (await readRecording(write("bad.weft.jsonl.gz", damaged)).catch((e: unknown) => e)) as RecordingError;
    expect(bad.code).toBe("BAD_GZIP");
    expect(bad.message).toMatch(/bad\.weft\.jsonl\.gz is damaged: it is gzip-compressed, but its data cannot be decompressed \(.+\)\. Copy it again/);
    const cut = (await readRecording(write("cut.weft.jsonl.gz", gz.subarray(0, gz.length - 20))).catch((e: unknown) => e)) as RecordingError;
    expect(cut.code).toBe("TRUNCATED");
    expect(cut.message).toMatch(/cut\.weft\.jsonl\.gz is truncated: its gzip data stops early/);
  });

  it("names the test emitted for a .gz recording like the plain one's", () => {
    expect(defaultTestPath("/r/counter.weft.jsonl.gz")).toBe("/r/counter.test.ts");
    expect(defaultTestPath("/r/counter.weft.jsonl")).toBe("/r/counter.test.ts");
  });
});
