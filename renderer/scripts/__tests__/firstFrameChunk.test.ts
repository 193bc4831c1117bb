import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build, type Rollup } from "vite";
import { firstFrameChunk } from "../firstFrameChunk.ts";
import { preloadChunksOf } from "../preloadChunksOf.ts";

/**
 * A page shaped like the renderer's: an entry that imports `mountApp` dynamically, and a tool
 * (the inspector's highlight and picker) that needs a module `mountApp` and its lazy controls use
 * too; a module the entry and `mountApp` both use.
 */
const project = mkdtempSync(join(tmpdir(), "weft-first-frame-"));
const files: Record<string, string> = {
  "index.html": `<!doctype html><html><head></head><body><script type="module" src="./main.ts"></script></body></html>`,
  "main.ts": `import { store } from "./store.ts";\nstore.push("boot");\nvoid import("./mountApp.ts").then((m) => m.mount());\n(window as any).tool = () => import("./tool.ts").then((m) => m.tool());\n`,
  "store.ts": `export const store: string[] = [];\n`,
  "mountApp.ts": `import { store } from "./store.ts";\nimport { view } from "./view.ts";\nexport function mount() {\n  store.push(view("page"));\n  void import("./lazy.ts").then((m) => store.push(m.lazy()));\n  void import("./other.ts").then((m) => store.push(m.other()));\n}\n`,
  "view.ts": `export function view(name: string) {\n  return "<" + name + ">".repeat(3);\n}\n`,
  "lazy.ts": `import { view } from "./view.ts";\nexport function lazy() {\n  return view("lazy");\n}\n`,
  "tool.ts": `import { view } from "./view.ts";\nexport function tool() {\n  return view("tool");\n}\n`,
  "other.ts": `import { view } from "./view.ts";\nexport function other() {\n  return view("other");\n}\n`,
};
mkdirSync(project, { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(join(project, name), text);
afterAll(() => rmSync(project, { recursive: true, force: true }));

async function bundle(grouped: boolean) {
  const firstFrame = firstFrameChunk("mountApp.ts");
  const output = (await build({
    configFile: false,
    root: project,
    base: "./",
    logLevel: "silent",
    plugins: [preloadChunksOf("mountApp.ts"), ...(grouped ? [firstFrame.plugin] : [])],
    build: { write: false, minify: false, ...(grouped ? { rolldownOptions: { output: { codeSplitting: { groups: [firstFrame.group] } } } } : {}) },
  })) as Rollup.RollupOutput;
  const chunks = output.output.filter((o): o is Rollup.OutputChunk => o.type === "chunk");
  const html = output.output.find((o) => o.fileName === "index.html") as Rollup.OutputAsset;
  const holding = (module: string) => chunks.filter((chunk) => Object.keys(chunk.modules).some((id) => id.endsWith(`/${module}`))).map((chunk) => chunk.fileName);
  const preloads = [...String(html.source).matchAll(/rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)].map((m) => m[1]!);
  return { holding, preloads };
}

describe("firstFrameChunk: what the first frame needs beyond the entry is one chunk", () => {
  it("without it, the module mountApp shares with the entry's lazy tool is a chunk of its own, one more script before the first frame", async () => {
    const { holding, preloads } = await bundle(false);
    expect(holding("view.ts")).not.toEqual(holding("mountApp.ts"));
    expect(preloads).toEqual(expect.arrayContaining([...holding("mountApp.ts"), ...holding("view.ts")]));
  });

  it("with it, mountApp and what it reaches beyond the entry share one chunk; the entry keeps its own modules, the lazy chunks stay lazy", async () => {
    const { holding, preloads } = await bundle(true);
    const [first] = holding("mountApp.ts");
    expect(holding("view.ts")).toEqual([first]);
    expect(holding("store.ts")).not.toContain(first);
    expect(holding("lazy.ts")).not.toContain(first);
    expect(holding("tool.ts")).not.toContain(first);
    expect(preloads.filter((name) => !name.includes("runtime"))).toEqual([first]);
  });
});
