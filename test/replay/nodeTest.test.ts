import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

/** weft/testing needs no particular runner: the node:test example in docs/recording.md runs as shown. */
it("runs under node:test", { timeout: 30_000 }, async () => {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "--test", "--test-reporter=tap", "test/replay/node/counter.node-test.ts"],
      { cwd: root },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });
  expect(output).toMatch(/^# pass 2$/m);
  expect(output).toMatch(/^# fail 0$/m);
  expect(code).toBe(0);
});
