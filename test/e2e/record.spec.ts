import { expect, test } from "@playwright/test";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readRecording, replay } from "weft/testing";
import { startWeft } from "../support/weftProcess.ts";
import { key } from "../support/locators.ts";

test.describe("weft run --record", () => {
  test("records a browser session, refresh included, into a file that replays as recorded", async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), "weft-record-e2e-"));
    const app = await startWeft("run", ["examples/counter.ts", "--record", dir]);
    try {
      expect(app.output()).toContain(`Recording sessions to ${dir}`);
      await page.goto(app.url);
      await key(page, "inc").click();
      await key(page, "inc").click();
      await expect(key(page, "count")).toHaveText("2");
      await page.reload(); // the same session resumes: a disconnect, then a register with its id
      await expect(key(page, "count")).toHaveText("2");
      await key(page, "dec").click();
      await expect(key(page, "count")).toHaveText("1");
      await page.close();
    } finally {
      await app.stop();
    }

    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^counter-\d{8}-\d{6}-.{8}\.weft\.jsonl$/);
    const recording = await readRecording(join(dir, files[0]!));
    expect(recording.header.client.userAgent).toMatch(/Chrome/);
    const kinds = recording.entries.map((e) => ("in" in e ? `in:${e.in.type}` : "out" in e ? `out:${e.out.type}` : e.event));
    expect(kinds.filter((k) => k === "in:register")).toHaveLength(2);
    expect(kinds).toContain("disconnect");
    expect(kinds.at(-1)).toBe("end");

    const result = await replay(recording);
    expect(result.differences.map(String)).toEqual([]);
    expect(result.tree).toContain('Text#count size=24 value="1"');
  });
});
