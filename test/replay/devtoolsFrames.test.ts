import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { replay } from "weft/testing";
import app from "@weft/examples/counter.ts";

/**
 * A session recorded under `weft dev` with the inspector open holds the devtools' own frames:
 * `registered.devtools`, numbered events, the browser's `timing` reports, and the picker's
 * `devtools.*` invokes with their replies. None of them is the app's behaviour: replay passes.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it("replays a recording that holds timings, event numbers and picker calls as recorded", async () => {
  const lines = readFileSync(new URL("../recordings/counter.weft.jsonl", import.meta.url), "utf8").trimEnd().split("\n");
  let seq = 0;
  const out: string[] = [];
  for (const line of lines) {
    const entry = JSON.parse(line) as { t?: number; in?: Record<string, unknown>; out?: Record<string, unknown>; app?: string };
    if (entry.app) entry.app = "../examples/counter.ts".replace("..", join(import.meta.dirname, "../.."));
    if (entry.out?.type === "registered") entry.out.devtools = true;
    if (entry.in?.type === "event") entry.in.seq = ++seq;
    out.push(JSON.stringify(entry));
    if (entry.in?.type === "event") {
      out.push(JSON.stringify({ t: entry.t! + 0.2, out: { type: "invoke", callId: 900 + seq, method: "devtools.highlight", args: [5, "Button#inc"] } }));
      out.push(JSON.stringify({ t: entry.t! + 0.3, in: { type: "reply", callId: 900 + seq, result: true } }));
    }
    if (entry.out?.type === "patch") out.push(JSON.stringify({ t: entry.t! + 0.5, in: { type: "timing", seq, ms: 3.5 } }));
  }
  const dir = mkdtempSync(join(tmpdir(), "weft-devtools-frames-"));
  dirs.push(dir);
  const file = join(dir, "counter.weft.jsonl");
  writeFileSync(file, out.join("\n") + "\n");
  const result = await replay(file, { app });
  expect(result.differences.map(String)).toEqual([]);
  expect(result.ok).toBe(true);
});
