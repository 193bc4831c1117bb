import { join, relative, sep } from "node:path";
import ts from "typescript";
import { declarationName, isTypeScript, jsName, leaves, SOURCE_CONDITION } from "./targets.ts";
import type { ConditionalTarget, Manifest, Workspace, WorkspacePackage } from "./workspace.ts";

/** Where the build writes, inside the host package. */
export const OUT_DIR = "dist";

/** One entry of the host's manifest that does not say where its built file is. */
export interface ManifestProblem {
  /** `exports["./server"]`, `imports["#run"].browser`. */
  where: string;
  message: string;
}

/**
 * Checks that every entry of the shipped package's `exports` and `imports` that resolves to a
 * source under `@weft/source` also names the built file, where the build puts it: `default`
 * (and `types` first, for an export). The manifest is published as it is, so these lines are
 * written by hand; this says exactly which line a new entry point lacks.
 */
export function checkHostManifest(workspace: Workspace, host: WorkspacePackage): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const hostFolder = relative(workspace.root, host.dir).split(sep).join("/");
  const built = (sourceFile: string) => `./${OUT_DIR}/${relative(workspace.root, sourceFile).split(sep).join("/")}`;
  const resolveBare = (specifier: string): string | undefined => {
    const options: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, customConditions: [SOURCE_CONDITION], allowImportingTsExtensions: true };
    return ts.resolveModuleName(specifier, join(host.dir, "package.json"), options, ts.sys).resolvedModule?.resolvedFileName;
  };

  const visit = (value: ConditionalTarget, where: string, isExport: boolean) => {
    if (value === null || typeof value === "string" || Array.isArray(value)) return;
    const source = value[SOURCE_CONDITION];
    if (typeof source === "string") {
      const file = source.startsWith("./") ? join(host.dir, source) : resolveBare(source);
      if (!file || !isTypeScript(file)) {
        problems.push({ where, message: `"${SOURCE_CONDITION}": "${source}" names no TypeScript source${source.startsWith("./") ? "" : " this repository's workspace resolves"}` });
        return;
      }
      const js = jsName(built(file));
      const expected: Record<string, string> = isExport ? { types: declarationName(built(file)), default: js } : { default: js };
      const keys = Object.keys(value);
      for (const [condition, target] of Object.entries(expected)) {
        if (value[condition] !== target) problems.push({ where, message: `needs "${condition}": "${target}" (the build writes ${file.slice(workspace.root.length + 1)} there)` });
      }
      if (isExport && keys.indexOf("types") > keys.indexOf("default")) problems.push({ where, message: `"types" must come before "default"` });
      if (keys[0] !== SOURCE_CONDITION) problems.push({ where, message: `"${SOURCE_CONDITION}" must come first (conditions match in order)` });
      return;
    }
    for (const [key, inner] of Object.entries(value)) visit(inner, `${where}${key.startsWith(".") || key.startsWith("#") ? `["${key}"]` : `.${key}`}`, isExport);
  };

  const { exports, imports } = host.manifest;
  if (exports && typeof exports === "object" && !Array.isArray(exports)) {
    for (const [subpath, value] of Object.entries(exports)) {
      if (typeof value === "string" && isTypeScript(value)) problems.push({ where: `exports["${subpath}"]`, message: `points at a source; give it "${SOURCE_CONDITION}", "types" and "default"` });
      else if (value !== null) visit(value, `exports["${subpath}"]`, true);
    }
  }
  for (const [name, value] of Object.entries(imports ?? {})) {
    if (typeof value === "string" && isTypeScript(value)) problems.push({ where: `imports["${name}"]`, message: `points at a source; give it "${SOURCE_CONDITION}" and "default"` });
    else visit(value, `imports["${name}"]`, false);
  }
  void hostFolder;
  return problems;
}

/** The third-party packages the built code imports that the shipped manifest does not depend on. */
export function missingDependencies(host: Manifest, externals: ReadonlyMap<string, string>, workspace: Workspace): string[] {
  const declared = { ...host.peerDependencies, ...host.optionalDependencies, ...host.dependencies };
  const missing: string[] = [];
  for (const [name, file] of externals) {
    if (name in declared) continue;
    const owner = workspace.packageOf(join(workspace.root, file));
    const range = owner?.manifest.dependencies?.[name] ?? owner?.manifest.devDependencies?.[name] ?? owner?.manifest.peerDependencies?.[name];
    missing.push(`"${name}"${range ? `: "${range}"` : ""} (imported by ${file}${owner ? `, declared by ${owner.name}` : ""})`);
  }
  return missing;
}

/** Every string target of the manifest's maps (for tests). */
export function manifestTargets(manifest: Manifest): string[] {
  return [...leaves(manifest.exports), ...Object.values(manifest.imports ?? {}).flatMap((v) => leaves(v))].map((l) => l.target);
}
