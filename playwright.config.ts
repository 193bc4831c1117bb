import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests on Debian's Chromium (Playwright may not download its own browser here).
 * Each spec starts the servers it needs on free ports, so specs never share state.
 */
export default defineConfig({
  testDir: "test/e2e",
  workers: 1,
  timeout: 60_000,
  reporter: "list",
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
