import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

/**
 * How `weft run` imports a TypeScript app in an installed weft (no tsx registered by weft's
 * bin): one file compiled by esbuild beside itself, or tsx's loader when the app needs module
 * resolution only a loader gives. Each case runs in a process of its own, as the command does.
 */
const root = fileURLToPath(new URL("../../..", import.meta.url));
const driver = fileURLToPath(new URL("fixtures/importAppDriver.ts", import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Imports `app` (with `files` beside it) in a fresh folder of an ES module package; also lists what is left there after. */
async function importIn(app: string, source: string, files: Record<string, string> = {}): Promise<{ tsxLoader: boolean; result: unknown; left: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "weft-import-app-"));
  dirs.push(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, app), source);
  const before = new Set(readdirSync(dir));
  const { stdout } = await promisify(execFile)(process.execPath, ["--conditions=@weft/source", "--import", "tsx", driver, join(dir, app)], { cwd: root, env: { ...process.env, NODE_OPTIONS: "" } });
  const loaded = JSON.parse(stdout.trim().split("\n").at(-1)!) as { tsxLoader: boolean; result: unknown };
  return { ...loaded, left: readdirSync(dir).filter((f) => !before.has(f)) };
}

describe.concurrent("importApp", { timeout: 60_000 }, () => {
  it("compiles an app that imports only packages and Node's modules on its own, without tsx's loader, and leaves no file beside it", async () => {
    const loaded = await importIn("alone.ts", `import { sep } from "node:path";\nimport type { Page } from "weft";\nconst n: number = 41;\nexport default (page?: Page): string => String(n + 1) + sep;\n`);
    expect(loaded).toEqual({ tsxLoader: false, result: "42/", left: [] });
  });

  it("gives tsx's loader an app that imports a .ts module of its own, or imports one at run time", async () => {
    const local = await importIn("local.ts", `import { two } from "./two.ts";\nexport default (): number => two * 2;\n`, { "two.ts": "export const two: number = 2;\n" });
    expect(local).toEqual({ tsxLoader: true, result: 4, left: [] });
    const dynamic = await importIn("later.ts", `export default async (): Promise<number> => (await import("./two.ts")).two;\n`, { "two.ts": "export const two: number = 2;\n" });
    expect(dynamic.tsxLoader).toBe(true);
  });

  it("points a load-time error at the app's own file and line (source maps), not the compiled file", async () => {
    const failing = importIn("fails.ts", `const limit: number = 3;\n\nif (limit > 2) throw new Error("limit too high");\nexport default () => limit;\n`);
    await expect(failing).rejects.toThrow(/limit too high[\s\S]*fails\.ts:3:\d+/);
  });
});
