import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Every package's unit tests sit in `__tests__/` next to their code: one glob finds a new
    // package's tests without a line here. `test/replay/` holds the recorded-session replays.
    include: ["**/__tests__/**/*.test.{ts,tsx}", "test/replay/**/*.test.ts"],
    exclude: [...configDefaults.exclude, "**/dist/**"],
    environment: "node",
  },
});
