import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assetFiles } from "../packageFiles.ts";
import { builtManifest } from "../targets.ts";
import type { Manifest } from "../workspace.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function packageWith(files: Record<string, string>, manifest: Partial<Manifest> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "weft-pack-files-"));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return { name: "p", dir, manifest: { name: "p", version: "1.0.0", ...manifest } };
}

describe("assetFiles", () => {
  it("ships a template's tsconfig.json and .ts files, not the package's own configuration, tests, compiled sources or dot files", () => {
    const pkg = packageWith({
      "package.json": "{}",
      "tsconfig.json": "{}",
      "vite.config.ts": "",
      "src/index.ts": "",
      "src/__tests__/a.test.ts": "",
      "src/data.json": "{}",
      "template/tsconfig.json": "{}",
      "template/app.ts": "",
      "template/_gitignore": "",
      ".npmignore": "",
    });
    expect(assetFiles(pkg).map((f) => relative(pkg.dir, f)).sort()).toEqual(["src/data.json", "template/_gitignore", "template/app.ts", "template/tsconfig.json"]);
  });

  it("keeps to the manifest's files when it lists them", () => {
    const pkg = packageWith({ "package.json": "{}", "assets/icon.svg": "", "notes.md": "" }, { files: ["assets"] });
    expect(assetFiles(pkg).map((f) => relative(pkg.dir, f))).toEqual(["assets/icon.svg"]);
  });
});

describe("builtManifest", () => {
  it("points each entry at the built file where its source was, also when the source entry has conditions of its own", () => {
    const built = builtManifest({
      name: "weft",
      version: "1.0.0",
      type: "module",
      exports: { ".": { "@weft/source": "./src/index.ts", types: "./dist/runtime/src/index.d.ts", default: "./dist/runtime/src/index.js" } },
      imports: {
        "#run": { "@weft/source": { browser: "./src/static/run.browser.ts", default: "./src/run.ts" }, browser: "./dist/runtime/src/static/run.browser.js", default: "./dist/runtime/src/run.js" },
        "#cli": { "@weft/source": "@weft/cli", default: "./dist/cli/src/main.js" },
      },
    });
    expect(built.exports).toEqual({ ".": "./src/index.js" });
    // `#cli` names another package's build from the top manifest: the mirrored one leaves it out.
    expect(built.imports).toEqual({ "#run": { browser: "./src/static/run.browser.js", default: "./src/run.js" } });
  });
});
