import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["runtime/src/**/__tests__/**/*.test.ts", "renderer/src/**/__tests__/**/*.test.ts", "cli/src/**/__tests__/**/*.test.ts", "examples/__tests__/**/*.test.ts", "test/replay/**/*.test.ts", "devserver/src/**/__tests__/**/*.test.ts", "agent/src/**/__tests__/**/*.test.ts", "extensions/vscode/src/**/__tests__/**/*.test.ts", "inspector-ui/src/**/__tests__/**/*.test.ts", "test/hardening/**/*.test.ts"],
    environment: "node",
  },
});
