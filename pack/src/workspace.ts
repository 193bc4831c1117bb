import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";

/** The parts of a package.json the build reads. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  type?: string;
  description?: string;
  exports?: ConditionalTarget;
  imports?: Record<string, ConditionalTarget>;
  bin?: string | Record<string, string>;
  files?: string[];
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [field: string]: unknown;
}

/** An `exports` or `imports` value: a path, conditions, subpaths, or an array of fallbacks. */
export type ConditionalTarget = string | null | ConditionalTarget[] | { [key: string]: ConditionalTarget };

export interface WorkspacePackage {
  name: string;
  /** Absolute. */
  dir: string;
  manifest: Manifest;
}

/** The repository: its root and every workspace package, found from the root package.json. */
export interface Workspace {
  root: string;
  packages: WorkspacePackage[];
  byName(name: string): WorkspacePackage | undefined;
  /** The package whose folder holds `file`, the innermost one. */
  packageOf(file: string): WorkspacePackage | undefined;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
}

/** The nearest folder above `from` whose package.json has `workspaces`. */
export function findWorkspaceRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file) && (JSON.parse(readFileSync(file, "utf8")) as { workspaces?: unknown }).workspaces) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json with "workspaces" above ${from}`);
  }
}

/**
 * Reads the workspace list of the root package.json. Entries are folders or `folder/*` (npm's
 * globs, in the two forms this repository uses; anything else is refused rather than guessed).
 */
export function readWorkspace(root: string): Workspace {
  const patterns = (readManifest(root) as Manifest & { workspaces: string[] }).workspaces;
  const dirs: string[] = [];
  for (const pattern of patterns) {
    if (pattern.endsWith("/*") && !pattern.slice(0, -2).includes("*")) {
      const parent = join(root, pattern.slice(0, -2));
      for (const entry of readdirSync(parent, { withFileTypes: true })) {
        if (entry.isDirectory() && existsSync(join(parent, entry.name, "package.json"))) dirs.push(join(parent, entry.name));
      }
    } else if (!pattern.includes("*")) {
      dirs.push(join(root, pattern));
    } else {
      throw new Error(`the workspace pattern "${pattern}" is not understood (a folder, or folder/*)`);
    }
  }
  const packages = dirs.map((dir) => ({ dir, manifest: readManifest(dir), name: readManifest(dir).name }));
  const byDepth = [...packages].sort((a, b) => b.dir.length - a.dir.length);
  return {
    root,
    packages,
    byName: (name) => packages.find((p) => p.name === name),
    packageOf: (file) => byDepth.find((p) => file === p.dir || file.startsWith(p.dir + sep)),
  };
}
