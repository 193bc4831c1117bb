import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openSession } from "weft/testing";
import { startRecorder } from "@weft/agent";
import { changedExample } from "./changedExample.ts";
import tricky from "./fixtures/tricky-text.ts";

/**
 * `weft replay --emit-test` writes a Vitest file that passes on its first run in CI (where
 * Vitest will not write new snapshots), and that fails once the app's final tree changes.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = fileURLToPath(new URL("./.emitted/", import.meta.url));

function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: root, env: { ...process.env, CI: "1", FORCE_COLOR: "0" } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr });
    });
  });
}
const vitest = () => run(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--config", "test/replay/fixtures/emitted.vitest.config.ts"]);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("weft replay --emit-test", { timeout: 60_000 }, () => {
  it("writes a test that passes as generated and fails when the final tree changes", async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const stop = startRecorder({ dir, app: fileURLToPath(new URL("./fixtures/tricky-text.ts", import.meta.url)) });
    const s = await openSession(tricky);
    await s.find({ key: "again" }).click();
    s.close();
    stop();
    const [made] = readdirSync(dir);
    renameSync(join(dir, made!), join(dir, "tricky.weft.jsonl"));

    const emit = await run(process.execPath, ["cli/bin/weft.js", "replay", "test/replay/.emitted/tricky.weft.jsonl", "--emit-test", "--out", "test/replay/.emitted/tricky.emitted.ts"]);
    expect(emit.output).toContain("wrote test/replay/.emitted/tricky.emitted.ts");
    expect(emit.code).toBe(0);
    const file = join(dir, "tricky.emitted.ts");
    const text = readFileSync(file, "utf8");
    expect(text).toContain('import app from "../fixtures/tricky-text.ts";');
    expect(text).toContain('new URL("./tricky.weft.jsonl", import.meta.url)');
    expect(text).toContain("toMatchInlineSnapshot(`");

    const first = await vitest();
    expect(first.output).toMatch(/1 passed/);
    expect(first.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(text); // nothing rewritten

    writeFileSync(file, text.replace("second line!", "second line?"));
    const changed = await vitest();
    expect(changed.code).toBe(1);
    expect(changed.output).toMatch(/Snapshot .* mismatched|toMatchInlineSnapshot/);
  });

  it("refuses to write a test for a recording the app no longer matches", async () => {
    const out = join(dir, "never.emitted.ts");
    const emit = await run(process.execPath, [
      "cli/bin/weft.js", "replay", "test/recordings/counter.weft.jsonl",
      "--app", changedExample("counter-double-step"), "--emit-test", "--out", out,
    ]);
    expect(emit.code).toBe(1);
    expect(emit.output).toContain("not writing a test: the app does not behave as recorded");
    expect(() => readFileSync(out)).toThrow();
  });
});
