import { startWeft } from "@weft/test/support/weftProcess.ts";
import { runFuzz } from "@weft/test/hardening/fuzzer.ts";

/**
 * The protocol fuzzer at full length (the test suite runs 3,000 cases): 10,000 malformed
 * inputs against a real `weft dev`, app port and inspector port, with tabs clicking meanwhile.
 */
const CASES = Number(process.env.WEFT_FUZZ_CASES ?? 10_000);

export async function run(): Promise<void> {
  console.log(`\n## Fuzz: ${CASES.toLocaleString("en")} malformed inputs to weft dev (issue 10)\n`);
  const weft = await startWeft("dev", ["examples/counter.ts"], { timeoutMs: 60_000 });
  try {
    const inspector = new URL(weft.urls.Inspector!);
    const report = await runFuzz({
      appUrl: weft.url,
      inspector: { port: Number(inspector.port), token: inspector.searchParams.get("token")! },
      cases: CASES,
      seed: process.env.WEFT_FUZZ_SEED ? Number(process.env.WEFT_FUZZ_SEED) : undefined,
      onProgress: (done, total) => process.stdout.write(`  ${done} / ${total}\r`),
    });
    process.stdout.write("\n");
    const alive = weft.child.exitCode === null;
    console.log(`Seed ${report.seed}, ${(report.ms / 1000).toFixed(1)} s; the process ${alive ? "is alive" : "DIED"}.`);
    console.log(`  cases:    ${Object.entries(report.kinds).map(([k, n]) => `${k} ${n}`).join(", ")}`);
    console.log(`  answers:  ${Object.entries(report.outcomes).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ×${n}`).join(", ")}`);
    console.log(`  meanwhile ${report.flow.tabs} tabs clicked ${report.flow.clicks} times; lost ${report.flow.lost}.`);
    console.log(report.problems.length === 0 ? "  problems: none\n" : `  PROBLEMS:\n${report.problems.map((p) => `    - ${p}`).join("\n")}\n`);
  } finally {
    await weft.stop();
  }
}
