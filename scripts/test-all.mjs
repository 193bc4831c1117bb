#!/usr/bin/env node
// Runs every test runner of the repository (Vitest for unit tests, Playwright for browser tests),
// shows their own output, and ends with their combined totals on one line: `N passed, N failed`.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";

const results = "test-results";
mkdirSync(results, { recursive: true });

function run(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "1" } });
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
let failedRunner = false;

// Vitest
rmSync(`${results}/unit.json`, { force: true });
const unitExit = await run("unit tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/unit.json`]);
const unit = readJson(`${results}/unit.json`);
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  totals.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
}
if (unitExit !== 0 && (!unit || unit.numFailedTests === 0)) failedRunner = true;

// Playwright
rmSync(`${results}/e2e.json`, { force: true });
const e2eExit = await run("browser tests", "npx", ["playwright", "test"]);
const e2e = readJson(`${results}/e2e.json`);
if (e2e?.stats) {
  totals.passed += e2e.stats.expected + e2e.stats.flaky; // flaky: failed once, passed on retry
  totals.failed += e2e.stats.unexpected;
  totals.skipped += e2e.stats.skipped;
}
if (e2eExit !== 0 && (!e2e || e2e.stats.unexpected === 0)) failedRunner = true;

if (failedRunner) {
  console.log("\na test runner failed without reporting a failed test (see its output above)");
  totals.failed += 1;
}
console.log("");
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 || unitExit !== 0 || e2eExit !== 0 ? 1 : 0);
