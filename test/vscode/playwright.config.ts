import { defineConfig } from "@playwright/test";

/**
 * The VS Code extension's end-to-end test, in a real VS Code: code-server 4.100.3 (VS Code
 * 1.100.3, the newest that runs on Node 20), installed from the npm registry by
 * scripts/install-code-server.sh, driven in Debian's Chromium. Slow (about a minute to install
 * code-server the first time, ~10 s for it to start), so it has its own script:
 * `npm run test:vscode`.
 */
export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  globalSetup: "./globalSetup.ts",
  workers: 1,
  timeout: 300_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  // Not test-results/: the main Playwright run empties that folder when it starts.
  outputDir: "../../.cache/vscode-e2e-results",
  use: {
    browserName: "chromium",
    headless: true,
    viewport: { width: 1400, height: 900 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
});
