import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { replay } from "weft/testing";

/**
 * Every recording in test/recordings, made through a real browser by test/recordings/make.ts,
 * replays against the app its header names. A new recording dropped there is picked up here.
 */
const dir = fileURLToPath(new URL("../recordings/", import.meta.url));
const recordings = readdirSync(dir).filter((name) => name.endsWith(".weft.jsonl"));

describe("test/recordings", () => {
  it("holds the counter and todo recordings", () => {
    expect(recordings).toEqual(expect.arrayContaining(["counter.weft.jsonl", "todo.weft.jsonl"]));
  });

  for (const name of recordings) {
    it(`${name} replays as recorded against its app`, async () => {
      const result = await replay(dir + name);
      expect(result.differences.map(String)).toEqual([]);
      expect(result.steps).toBe(result.totalSteps);
      expect(result.tree).toBe(result.expectedTree);
    });
  }
});
