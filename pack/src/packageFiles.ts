import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { builtManifest, isTypeScript } from "./targets.ts";
import type { WorkspacePackage } from "./workspace.ts";

/** Files of a package that are the repository's, not the package's, wherever they are. */
const notShipped = /^(\.|node_modules$|__tests__$)/;
/** The same in the package's own folder only: its build configuration (a template's tsconfig.json ships). */
const notShippedAtRoot = /^(tsconfig.*\.json|(vite|vitest|playwright)\.config\.[cm]?[jt]s|CHANGELOG\.md)$/;

/**
 * The package's files besides its compiled sources: everything but the TypeScript under `src/`
 * (compiled), `dist/` and `bin/` (build output and the command, which the build writes or the
 * package publishes itself), tests, dot files and configuration. Only under `files` when the
 * manifest lists them. A template's `.ts` outside `src/` is a file like any other.
 */
export function assetFiles(pkg: WorkspacePackage): string[] {
  const found: string[] = [];
  const src = join(pkg.dir, "src");
  const skipped = new Set([join(pkg.dir, "dist"), join(pkg.dir, "bin"), join(pkg.dir, "package.json")]);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (notShipped.test(entry.name) || (dir === pkg.dir && notShippedAtRoot.test(entry.name)) || skipped.has(path)) continue;
      if (entry.isDirectory()) walk(path);
      else if (!(isTypeScript(entry.name) && path.startsWith(src + sep))) found.push(path);
    }
  };
  const roots = pkg.manifest.files ? pkg.manifest.files.map((f) => join(pkg.dir, f)) : [pkg.dir];
  for (const root of roots) {
    if (!existsSync(root)) continue;
    if (statSync(root).isDirectory()) walk(root);
    else found.push(root);
  }
  return found;
}

/**
 * Writes a folded package's share of the mirrored tree besides its compiled modules: its built
 * manifest (Node reads `"type"` and `#imports` from it; code finds the package's files through
 * it) and its other files (`assetFiles`).
 */
export function copyPackageFiles(pkg: WorkspacePackage, root: string, outDir: string): number {
  const target = join(outDir, relative(root, pkg.dir));
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, "package.json"), `${JSON.stringify(builtManifest(pkg.manifest), null, 2)}\n`);
  let copied = 0;
  for (const file of assetFiles(pkg)) {
    cpSync(file, join(outDir, relative(root, file)));
    copied++;
  }
  return copied;
}
