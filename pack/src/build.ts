import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { compile } from "./compile.ts";
import { checkHostManifest, missingDependencies, OUT_DIR } from "./hostManifest.ts";
import { copyPackageFiles } from "./packageFiles.ts";
import type { Workspace, WorkspacePackage } from "./workspace.ts";

export interface BuildOptions {
  workspace: Workspace;
  /** The package that ships. */
  host: WorkspacePackage;
  /** Progress lines. Default: console.log. */
  log?: (line: string) => void;
  /** Build the browser bundles (Vite) afresh into the package (default true); false copies their `dist/` as it is. */
  browserBuilds?: boolean;
}

export interface BuildResult {
  outDir: string;
  folded: string[];
  files: number;
  bytes: number;
  ms: number;
}

/** A build that cannot be made: the message says what to change. */
export class PackBuildError extends Error {
  override name = "PackBuildError";
}

/**
 * Builds the shipped package's `dist/`: the compiled modules of it and of every private workspace
 * package it reaches, their manifests and files, and the browser bundles (renderer, inspector)
 * built afresh with their own Vite configs. Written beside `dist/` and swapped in at the end, so a
 * process reading the old tree never sees half of the new one.
 */
export async function buildPackage(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const { workspace, host } = options;
  const root = workspace.root;
  const rel = (path: string) => relative(root, path) || ".";

  const problems = checkHostManifest(workspace, host);
  if (problems.length > 0) {
    throw new PackBuildError(`${rel(join(host.dir, "package.json"))}: every entry point needs its built file:\n${problems.map((p) => `  ${p.where}: ${p.message}`).join("\n")}`);
  }

  const outDir = join(host.dir, OUT_DIR);
  const staging = join(host.dir, `.${OUT_DIR}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  let folded: string[] = [];
  try {
    log(`weft-pack: compiling ${host.name} and the workspace packages it reaches…`);
    const compiled = compile({ workspace, host, outDir: staging });
    const errors = compiled.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errors.length > 0) {
      throw new PackBuildError(ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" }));
    }
    const missing = missingDependencies(host.manifest, compiled.externals, workspace);
    if (missing.length > 0) {
      throw new PackBuildError(`${rel(join(host.dir, "package.json"))} ships code that imports packages it does not depend on; add to its "dependencies":\n${missing.map((m) => `  ${m}`).join("\n")}`);
    }
    folded = compiled.folded.map((p) => p.name);
    log(`  ✓ ${compiled.written.length} files from ${compiled.folded.map((p) => p.name).join(", ")}`);

    // Every package's manifest and files in the mirrored tree, the host's too (its own files,
    // not the `files` it publishes, which are this tree and its bin).
    copyPackageFiles({ ...host, manifest: { ...host.manifest, files: undefined } }, root, staging);
    const others = [...compiled.folded.filter((p) => p !== host), ...compiled.referenced];
    for (const pkg of others) {
      // A package packed by weft-pack itself (create-weft) lists its build in `files`; folded,
      // its sources' neighbours (the template) are what its built modules read.
      const packsItself = /\bweft-pack\b/.test(pkg.manifest.scripts?.prepack ?? "");
      copyPackageFiles(packsItself ? { ...pkg, manifest: { ...pkg.manifest, files: undefined } } : pkg, root, staging);
      // A browser bundle (a package with a Vite config): built afresh into the tree, or copied.
      const viteConfig = ["vite.config.ts", "vite.config.js", "vite.config.mjs"].map((f) => join(pkg.dir, f)).find((f) => existsSync(f));
      if (!viteConfig) continue;
      const target = join(staging, relative(root, pkg.dir), "dist");
      if (options.browserBuilds === false) {
        const built = join(pkg.dir, "dist");
        if (!existsSync(built)) throw new PackBuildError(`${pkg.name} has no ${rel(built)}: run npm run build`);
        cpSync(built, target, { recursive: true });
        continue;
      }
      log(`  building ${pkg.name} for the browser (${rel(viteConfig)})…`);
      const { build } = await import("vite");
      await build({ root: pkg.dir, configFile: viteConfig, logLevel: "warn", build: { outDir: target, emptyOutDir: true } });
    }

    rmSync(outDir, { recursive: true, force: true });
    renameSync(staging, outDir);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }

  const { files, bytes } = sizeOf(outDir);
  const ms = performance.now() - started;
  log(`  ✓ ${rel(outDir)}: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB, in ${(ms / 1000).toFixed(1)} s`);
  return { outDir, folded, files, bytes, ms };
}

function sizeOf(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}
