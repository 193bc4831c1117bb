import { defaultClientConditions, defaultServerConditions } from "vite";
import { configDefaults, defineConfig } from "vitest/config";
// By path, not by package name: Vite bundles a config's relative imports, while a package (a
// workspace link) is left to Node, which cannot load TypeScript.
import { standardDecorators } from "./static/src/standardDecorators.ts";

/** The workspaces resolve to their sources here (docs/architecture.md "The package"), never to a build. */
const source = "@weft/source";

export default defineConfig({
  // Apps and tests may use standard decorators (`@control`), which Vite's Oxc leaves to Node.
  plugins: [standardDecorators()],
  resolve: { conditions: [source, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [source, ...defaultServerConditions], externalConditions: [source] } },
  test: {
    // Every package's unit tests sit in `__tests__/` next to their code: one glob finds a new
    // package's tests without a line here. `test/replay/` holds the recorded-session replays,
    // `test/hardening/` the tests against real weft processes (what they survive, the fuzzer),
    // `test/scale/` the ones against a real redis-server.
    include: ["**/__tests__/**/*.test.{ts,tsx}", "test/replay/**/*.test.ts", "test/hardening/**/*.test.ts", "test/scale/**/*.test.ts"],
    exclude: [...configDefaults.exclude, "**/dist/**"],
    environment: "node",
  },
});
