import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * The young generation's size (its semi-spaces, MiB) in a fresh process before and after it
 * made objects that survive, as loading modules does, held or not by youngGeneration.ts, and
 * after the same again once released.
 */
const probe = `
import { getHeapSpaceStatistics } from "node:v8";
import { holdYoungGeneration, releaseYoungGeneration } from "./cli/src/youngGeneration.ts";
const young = () => getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size / 2 ** 20;
const kept = [];
const survivors = () => { for (let i = 0; i < 400_000; i++) kept.push({ i, text: "x".repeat(i % 64) }); };
const before = young();
if (process.argv.includes("--hold")) holdYoungGeneration();
survivors();
const started = young();
releaseYoungGeneration();
survivors();
console.log(JSON.stringify({ before, started, served: young() }));
`;

const run = (...args: string[]) => {
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", probe, "--", ...args], { cwd: root, encoding: "utf8", timeout: 30_000 });
  expect(child.stderr).toBe("");
  return JSON.parse(child.stdout) as { before: number; started: number; served: number };
};

describe("the young generation of weft run", () => {
  it("stays at its first size while held, and grows again with the traffic once released", { timeout: 30_000 }, () => {
    const free = run();
    const held = run("--hold");
    expect(free.started).toBeGreaterThan(free.before); // V8 alone grows it with survivors
    expect(held.started).toBe(held.before);
    expect(held.served).toBeGreaterThan(held.started);
  });
});
