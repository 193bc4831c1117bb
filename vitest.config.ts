import { defaultClientConditions, defaultServerConditions } from "vite";
import { configDefaults, defineConfig } from "vitest/config";

/** The workspaces resolve to their sources here (docs/architecture.md "The package"), never to a build. */
const source = "@weft/source";

export default defineConfig({
  resolve: { conditions: [source, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [source, ...defaultServerConditions], externalConditions: [source] } },
  test: {
    // Every package's unit tests sit in `__tests__/` next to their code: one glob finds a new
    // package's tests without a line here. `test/replay/` holds the recorded-session replays,
    // `test/hardening/` the tests against real weft processes (what they survive, the fuzzer).
    include: ["**/__tests__/**/*.test.{ts,tsx}", "test/replay/**/*.test.ts", "test/hardening/**/*.test.ts"],
    exclude: [...configDefaults.exclude, "**/dist/**"],
    environment: "node",
  },
});
