#!/usr/bin/env node
// Runs every test runner of the repository and ends with their combined totals on one line:
// `N passed, N failed`. Vitest (unit tests), Playwright (browser tests) and, with --vscode or
// CI=true, the VS Code extension's end-to-end test in code-server (slow: it installs code-server
// the first time).
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";

const results = "test-results-all";
mkdirSync(results, { recursive: true });
const withVscode = process.argv.includes("--vscode") || process.env.CI === "true" || process.env.WEFT_TEST_VSCODE === "1";

function run(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "1", ...env } });
    child.on("exit", (code, signal) => {
      console.log(`◀ ${name} finished in ${((Date.now() - started) / 1000).toFixed(1)} s (exit ${code ?? signal})`);
      resolve(code ?? 1);
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

/** Adds one runner's counts; a runner that failed without a failed test counts as one failure. */
function count(name, exit, counts) {
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  }
  if (exit !== 0) {
    exitCode = 1;
    if (!counts || counts.failed === 0) {
      console.log(`\n${name}: the runner failed without reporting a failed test (see its output above)`);
      totals.failed += 1;
    }
  }
}

async function vitest() {
  const file = `${results}/unit.json`;
  rmSync(file, { force: true });
  const exit = await run("unit tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  const json = readJson(file);
  count("unit tests", exit, json && { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + (json.numTodoTests ?? 0) });
}

async function playwright(name, configArgs) {
  const file = `${results}/${name.replace(/\W+/g, "-")}.json`;
  rmSync(file, { force: true });
  const exit = await run(name, "npx", ["playwright", "test", ...configArgs, "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_FILE: file });
  const stats = readJson(file)?.stats;
  // flaky: failed once, passed on a retry
  count(name, exit, stats && { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped });
}

await vitest();
await playwright("browser tests", []);
if (withVscode) await playwright("VS Code extension in code-server", ["--config", "test/vscode/playwright.config.ts"]);
else console.log("\n(VS Code extension end-to-end test skipped: run `npm test -- --vscode` or `npm run test:vscode`)");

console.log("");
if (totals.skipped) console.log(`(${totals.skipped} skipped)`);
// The last line, alone: what CI reads.
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : exitCode);
