// weft/testing under node:test, no Vitest involved. Run it with:
//   node --import tsx --test test/replay/node/counter.node-test.ts
import assert from "node:assert/strict";
import { test } from "node:test";
import { openSession, replay } from "weft/testing";
import counter from "@weft/examples/counter.ts";

test("the counter counts", async () => {
  const s = await openSession(counter);
  await s.find({ key: "inc" }).click();
  await s.find({ key: "inc" }).click();
  assert.equal(s.find({ key: "count" }).text, "2");
  s.close();
});

test("the counter recording replays as recorded", async () => {
  const result = await replay(new URL("../../recordings/counter.weft.jsonl", import.meta.url), { app: counter });
  assert.deepEqual(result.differences.map(String), []);
  assert.match(result.tree, /Text#count size=24 value="3"/);
});
