import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWeft, type WeftProcess } from "../support/weftProcess.ts";
import { runFuzz } from "./fuzzer.ts";
import { rawGet } from "./rawHttp.ts";

/**
 * The protocol fuzzer as a test: a few thousand cases here (WEFT_FUZZ_CASES for more; `npm run
 * bench` runs 10,000), against a real `weft dev`, with tabs clicking and a tool watching.
 */
const cases = Number(process.env.WEFT_FUZZ_CASES ?? 3000);
const seed = process.env.WEFT_FUZZ_SEED ? Number(process.env.WEFT_FUZZ_SEED) : undefined;

describe("the protocol fuzzer", () => {
  let weft: WeftProcess;
  beforeAll(async () => {
    weft = await startWeft("dev", ["examples/counter.ts"]);
  }, 60_000);
  afterAll(() => weft.stop());

  it(`answers ${cases} malformed inputs on both ports while well-behaved tabs lose nothing`, async () => {
    const inspector = new URL(weft.urls.Inspector!);
    const report = await runFuzz({ appUrl: weft.url, inspector: { port: Number(inspector.port), token: inspector.searchParams.get("token")! }, cases, seed });
    const summary = `seed ${report.seed}: ${JSON.stringify(report.kinds)} → ${JSON.stringify(report.outcomes)}`;
    expect(report.problems, summary).toEqual([]);
    expect(weft.child.exitCode, weft.output()).toBeNull();
    expect(report.flow.lost).toBe(0);
    expect(report.flow.clicks).toBeGreaterThan(0);
    expect((await rawGet(Number(new URL(weft.url).port), "/", { Accept: "text/html" })).status).toBe(200);
  }, 300_000);
});
