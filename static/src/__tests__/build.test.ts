import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { buildStatic, normalizeBase, StaticBuildError } from "../build.ts";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const dirs: string[] = [];
const outDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "weft-build-test-"));
  dirs.push(dir);
  return join(dir, "site");
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function buildError(entry: string): Promise<StaticBuildError> {
  try {
    await buildStatic({ entry, outDir: outDir(), log: () => {} });
  } catch (err) {
    if (err instanceof StaticBuildError) return err;
    throw err;
  }
  throw new Error("the build succeeded");
}

describe("weft build --static", () => {
  it("refuses an app that imports node:fs, naming the importing file and line", async () => {
    const err = await buildError(fixture("usesFs.ts"));
    expect(err.message).toMatch(/usesFs\.ts:2:\d+ imports 'node:fs', which a browser does not have/);
    expect(err.imports[0]).toMatchObject({ module: "node:fs", line: 2 });
  });

  it("names the chain when a module the app imports needs Node ('net', no node: prefix)", async () => {
    const err = await buildError(fixture("usesNetDeep.ts"));
    expect(err.message).toMatch(/netHelper\.ts:1:\d+ imports 'net'/);
    expect(err.message).toMatch(/imported through .*usesNetDeep\.ts → .*netHelper\.ts/);
  });

  it("writes the page, its 404 twin, the worker, the manifest, the service worker and .nojekyll; the page carries the base and the config", async () => {
    const out = outDir();
    const lines: string[] = [];
    const result = await buildStatic({ entry: fixture("browserSafe.ts"), outDir: out, base: "repo", log: (l) => lines.push(l) });
    expect(result.base).toBe("/repo/");
    for (const file of ["index.html", "404.html", "manifest.webmanifest", "sw.js", ".nojekyll", result.worker]) expect(existsSync(join(out, file)), file).toBe(true);
    const page = readFileSync(join(out, "index.html"), "utf8");
    expect(page).toContain('<base href="/repo/" />');
    const config = JSON.parse(/<script type="application\/json" id="weft-config">([^<]*)<\/script>/.exec(page)![1]!);
    expect(config).toEqual({ transport: "worker", worker: result.worker, serviceWorker: "sw.js", earlyMessages: true });
    // The app's worker starts before the page waits for anything: its inline boot script comes
    // after <base> (its URL is relative to it) and before the stylesheet, which an inline script
    // after it would wait for, and the renderer's scripts.
    const at = (pattern: RegExp) => page.search(pattern);
    expect(at(/new Worker\(/)).toBeGreaterThan(at(/<base href=/));
    expect(at(/new Worker\(/)).toBeGreaterThan(at(/id="weft-config"/));
    expect(at(/new Worker\(/)).toBeLessThan(at(/<link rel="stylesheet"/));
    expect(at(/new Worker\(/)).toBeLessThan(at(/<script type="module"/));
    expect(readFileSync(join(out, "404.html"), "utf8")).toBe(page);
    // the service worker precaches the page and the worker, and imports nothing from elsewhere
    const sw = readFileSync(join(out, "sw.js"), "utf8");
    expect(sw).toContain(result.worker);
    expect(sw).not.toContain("importScripts(");
    expect(sw).not.toMatch(/storage\.googleapis|workbox-cdn|unpkg|jsdelivr/);
    // what it wrote, with sizes, as vite build prints it
    expect(lines.join("\n")).toMatch(/index\.html\s+[\d.]+ kB │ gzip:\s+[\d.]+ kB/);
    expect(lines.join("\n")).toMatch(/first load: [\d.]+ kB gzipped/);
    // no Node module in the worker: nothing the bundler had to stub
    expect(readFileSync(join(out, result.worker), "utf8")).not.toContain("__vite-browser-external");
  });

  it("lowers an app's standard decorators (@control), so the worker's code parses where no decorator does", async () => {
    const out = outDir();
    await buildStatic({ entry: fixture("decorated.ts"), outDir: out, log: () => {} });
    // The scripts this build compiled: the renderer's own chunks are copied as the renderer built them.
    const rendererChunks = new Set(readdirSync(join(dirname(createRequire(import.meta.url).resolve("@weft/renderer/package.json")), "dist", "_weft")));
    const scripts = readdirSync(join(out, "_weft")).filter((file) => file.endsWith(".js") && !rendererChunks.has(file));
    const app = scripts.map((file) => readFileSync(join(out, "_weft", file), "utf8")).find((code) => code.includes("Greeting"));
    expect(app).toBeDefined();
    expect(app).not.toMatch(/@control\b/);
    // Node 20 parses no decorator either: --check fails on one with "Invalid or unexpected token"
    for (const file of scripts) execFileSync(process.execPath, ["--check", join(out, "_weft", file)], { stdio: "pipe" });
  });

  it("refuses an output folder that holds the app or a project", async () => {
    await expect(buildStatic({ entry: fixture("browserSafe.ts"), outDir: fileURLToPath(new URL("./fixtures", import.meta.url)), log: () => {} })).rejects.toThrow(/contains the app itself/);
    await expect(buildStatic({ entry: fixture("browserSafe.ts"), outDir: fileURLToPath(new URL("../..", import.meta.url)), log: () => {} })).rejects.toThrow(/contains the app itself|looks like a project/);
  });
});

describe("normalizeBase", () => {
  it("makes a path that starts and ends with a slash", () => {
    expect(normalizeBase("/")).toBe("/");
    expect(normalizeBase("")).toBe("/");
    expect(normalizeBase("repo")).toBe("/repo/");
    expect(normalizeBase("/repo")).toBe("/repo/");
    expect(normalizeBase("/a/b/")).toBe("/a/b/");
  });
  it("refuses a URL", () => {
    expect(() => normalizeBase("https://example.com/repo/")).toThrow(/a path on the site's host/);
  });
});
