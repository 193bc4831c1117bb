import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Every package's unit tests sit in `__tests__/` next to their code: one glob finds a new
    // package's tests without a line here. `test/replay/` holds the recorded-session replays,
    // `test/hardening/` the tests against real weft processes (what they survive, the fuzzer).
    include: ["**/__tests__/**/*.test.{ts,tsx}", "test/replay/**/*.test.ts", "test/hardening/**/*.test.ts"],
    exclude: [...configDefaults.exclude, "**/dist/**"],
    environment: "node",
  },
});
