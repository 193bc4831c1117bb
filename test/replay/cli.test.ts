import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { changedExample } from "./changedExample.ts";

/** `npx weft replay` as a user runs it: exit 0 / 1 / 2, readable output, never a stack trace. */
const root = fileURLToPath(new URL("../..", import.meta.url));
const counterRecording = "test/recordings/counter.weft.jsonl";
const todoRecording = "test/recordings/todo.weft.jsonl";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function weft(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["cli/bin/weft.js", ...args], { cwd: root, env: { ...process.env, FORCE_COLOR: "0" } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const noStack = (run: Run) => expect(run.stdout + run.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "weft-replay-cli-"));
});

describe.concurrent("weft replay", { timeout: 60_000 }, () => {
  it("exits 0 when the app behaves as recorded, with the app taken from the header", async () => {
    const run = await weft("replay", counterRecording);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^✓ test\/recordings\/counter.weft.jsonl: 7 steps replayed as recorded against examples\/counter.ts \(\d+ ms\)\n$/);
    expect(run.code).toBe(0);
  });

  it("replays every recording of a directory", async () => {
    const run = await weft("replay", "test/recordings");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✓ test\/recordings\/counter.weft.jsonl/);
    expect(run.stdout).toMatch(/✓ test\/recordings\/todo.weft.jsonl/);
  });

  it("exits 1 and prints the difference when the app changed", async () => {
    const run = await weft("replay", counterRecording, "--app", changedExample("counter-double-step"));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("✗ test/recordings/counter.weft.jsonl: the app does not behave as recorded (2 of 7 steps replayed against test/replay/.changed/counter-double-step.ts");
    expect(run.stdout).toContain(`  step 2 (click on Button#inc "+"): expected Text#count value "1", got "2"\n`);
    expect(run.stdout).toContain("--keep-going replays every step");
    noStack(run);
  });

  it("exits 2 on a truncated file and says so", async () => {
    const text = readFileSync(join(root, todoRecording), "utf8");
    const file = join(tmp, "cut.weft.jsonl");
    writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    const run = await weft("replay", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^weft replay: .*cut.weft.jsonl is truncated: its last line \(\d+\) is cut off/);
    noStack(run);
  });

  it("replays a gzip recording (weft run --record-gzip writes them), told by its bytes, not its name", async () => {
    const gz = gzipSync(readFileSync(join(root, counterRecording)));
    for (const name of ["counter.weft.jsonl.gz", "gzip-named-plain.weft.jsonl"]) {
      const file = join(tmp, name);
      writeFileSync(file, gz);
      const run = await weft("replay", file, "--app", "examples/counter.ts");
      expect(run.stdout).toMatch(new RegExp(`^✓ .*${name.replace(/\./g, "\\.")}: 7 steps replayed as recorded`));
      expect(run.code).toBe(0);
    }
  });

  it("exits 2 on a corrupt or cut .gz recording and says which", async () => {
    const gz = gzipSync(readFileSync(join(root, todoRecording)));
    const damaged = Buffer.from(gz);
    damaged.fill(0x55, 100, 140);
    writeFileSync(join(tmp, "damaged.weft.jsonl.gz"), damaged);
    const bad = await weft("replay", join(tmp, "damaged.weft.jsonl.gz"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^weft replay: .*damaged\.weft\.jsonl\.gz is damaged: it is gzip-compressed, but its data cannot be decompressed \(.+\)\. Copy it again from where it was recorded, or record the session again\.\n$/);
    noStack(bad);
    writeFileSync(join(tmp, "cut.weft.jsonl.gz"), gz.subarray(0, gz.length / 2));
    const cut = await weft("replay", join(tmp, "cut.weft.jsonl.gz"));
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/cut\.weft\.jsonl\.gz is truncated: its gzip data stops early/);
    noStack(cut);
  });

  it("exits 2 on another format version", async () => {
    const file = join(tmp, "v9.weft.jsonl");
    writeFileSync(file, readFileSync(join(root, counterRecording), "utf8").replace('"version":1', '"version":9'));
    const run = await weft("replay", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is in recording format version 9, but this weft \(\S+\) reads version 1/);
    noStack(run);
  });

  it("exits 2 on a recording of another app", async () => {
    const run = await weft("replay", todoRecording, "--app", "examples/counter.ts");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/todo.weft.jsonl is a recording of another app: it was recorded from examples\/todo.ts, whose first page has title "Todos"/);
    expect(run.stderr).toMatch(/counter.ts shows title "Counter" and keys dec, count, inc/);
    noStack(run);
  });

  it("exits 2 on a file that is not a recording, or not there", async () => {
    const notOne = await weft("replay", "package.json");
    expect(notOne.code).toBe(2);
    expect(notOne.stderr).toMatch(/package.json is not a weft recording: its first line is not JSON/);
    const missing = await weft("replay", "test/recordings/nope.weft.jsonl");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("weft replay: no recording at test/recordings/nope.weft.jsonl\n");
  });

  it("exits 2 when the app the header names is not next to the recording", async () => {
    const file = join(tmp, "moved.weft.jsonl");
    copyFileSync(join(root, counterRecording), file);
    const run = await weft("replay", file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/names its app "..\/..\/examples\/counter.ts" \(relative to the recording\), but there is no .*examples\/counter.ts. Pass --app <app.ts>./);
    expect((await weft("replay", file, "--app", "examples/counter.ts")).code).toBe(0);
  });

  it("exits 2 when the app does not compile, pointing at the line", async () => {
    const app = join(tmp, "broken.ts");
    writeFileSync(join(tmp, "package.json"), '{ "type": "module" }');
    writeFileSync(app, "export default function main(page) {\n  page.add(;\n}\n");
    const run = await weft("replay", counterRecording, "--app", app);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot load the app: .*broken.ts:2:\d+/);
    noStack(run);
  });

  it("exits 2 on a flag it does not know", async () => {
    const run = await weft("replay", counterRecording, "--frobnicate");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("weft replay has no --frobnicate");
  });
});
