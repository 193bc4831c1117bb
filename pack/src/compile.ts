import { existsSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import ts from "typescript";
import { specifierTransformer } from "./rewriteSpecifiers.ts";
import { bareTargets, isTypeScript, jsName, SOURCE_CONDITION, sourceTargets } from "./targets.ts";
import type { Workspace, WorkspacePackage } from "./workspace.ts";

export interface CompileOptions {
  workspace: Workspace;
  /** The package that ships (weft); it and every workspace package it reaches are compiled. */
  host: WorkspacePackage;
  /** Where the mirrored tree goes: `<outDir>/<folder of the package>/<path in it>`. */
  outDir: string;
  /** Declarations too (default true). */
  declarations?: boolean;
}

export interface CompileResult {
  /** Every package compiled into the host (the host first). */
  folded: WorkspacePackage[];
  /** Packages the built files name by a `.resolve()` call, for their files (the renderer's build). */
  referenced: WorkspacePackage[];
  /** Third-party packages the built files import, with one file that does. */
  externals: Map<string, string>;
  /** Files written. */
  written: string[];
  diagnostics: readonly ts.Diagnostic[];
}

/** The compiler options of the build: the repository's, emitting ES modules with declarations. */
function compilerOptions(outDir: string, declarations: boolean): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: [SOURCE_CONDITION],
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: true,
    resolveJsonModule: true,
    esModuleInterop: true,
    isolatedModules: true,
    skipLibCheck: true,
    strict: true,
    jsx: ts.JsxEmit.ReactJSX,
    types: ["node"],
    declaration: declarations,
    // `npm run typecheck` checks the types; the build only emits (several times faster).
    noCheck: true,
    sourceMap: false,
    removeComments: false,
    outDir,
    rootDir: undefined,
    noEmit: false,
  };
}

/**
 * Compiles the host package and the private workspace packages it reaches into one mirrored
 * tree, each module to its own `.js` and `.d.ts` (no bundling: the built modules keep the
 * sources' graph, so a static build's bundler tree-shakes them as it does the sources, and
 * `import.meta.url`-relative files stay where they were). A specifier naming a folded package
 * becomes a relative path to its built file; a third-party one stays, and is listed.
 *
 * The roots are the TypeScript targets of the host's manifest (exports, imports, bin) and of
 * every folded package's: what a package exposes is built, whichever files land on main.
 */
export function compile(options: CompileOptions): CompileResult {
  const { workspace, host } = options;
  const root = workspace.root;
  const tsOptions = compilerOptions(options.outDir, options.declarations ?? true);
  tsOptions.rootDir = root;
  const compilerHost = ts.createCompilerHost(tsOptions);
  // Every workspace package the host reaches ships inside it, a public one (create-weft) too:
  // the one tarball needs nothing of this repository from the registry.
  const foldable = (pkg: WorkspacePackage | undefined): pkg is WorkspacePackage => pkg !== undefined;
  const inWorkspace = (file: string) => !file.split(sep).includes("node_modules") && workspace.packageOf(file) !== undefined;

  const rootsOf = (pkg: WorkspacePackage): string[] => {
    const files = sourceTargets(pkg.manifest).map((t) => join(pkg.dir, t));
    for (const bare of bareTargets(pkg.manifest)) {
      const resolved = ts.resolveModuleName(bare, join(pkg.dir, "package.json"), tsOptions, compilerHost).resolvedModule;
      if (resolved && inWorkspace(resolved.resolvedFileName)) files.push(resolved.resolvedFileName);
    }
    return files.filter((f) => existsSync(f));
  };

  // The roots grow with the packages the program reaches, until it reaches no new one.
  const folded = new Map<string, WorkspacePackage>([[host.name, host]]);
  let roots = new Set(rootsOf(host));
  let program: ts.Program | undefined;
  for (;;) {
    program = ts.createProgram({ rootNames: [...roots], options: tsOptions, host: compilerHost, oldProgram: program });
    let grew = false;
    for (const source of program.getSourceFiles()) {
      if (source.isDeclarationFile || !inWorkspace(source.fileName)) continue;
      const pkg = workspace.packageOf(source.fileName)!;
      if (!foldable(pkg) || folded.has(pkg.name)) continue;
      folded.set(pkg.name, pkg);
      for (const file of rootsOf(pkg)) roots.add(file);
      grew = true;
    }
    if (!grew) break;
    roots = new Set(roots);
  }

  const externals = new Map<string, string>();
  const referenced = new Map<string, WorkspacePackage>();
  const builtins = new Set(builtinModules);
  const map = (specifier: string, file: string): string | undefined => {
    if (specifier.startsWith("#")) return undefined; // the package's own `imports`, built with it
    if (specifier.startsWith(".")) return isTypeScript(specifier) ? jsName(specifier) : undefined;
    if (specifier.startsWith("node:") || builtins.has(specifier)) return undefined;
    const name = packageName(specifier);
    const pkg = workspace.byName(name);
    if (!foldable(pkg)) {
      if (!externals.has(name)) externals.set(name, relative(root, file));
      return undefined;
    }
    const resolved = ts.resolveModuleName(specifier, file, tsOptions, compilerHost).resolvedModule?.resolvedFileName;
    // A file of the package named by its path (`@weft/renderer/package.json`) keeps its path in the copy.
    const target = resolved && inWorkspace(resolved) && !resolved.endsWith(".d.ts") ? jsName(resolved) : join(pkg.dir, specifier.slice(name.length + 1));
    const owner = workspace.packageOf(target);
    if (owner && !folded.has(owner.name)) referenced.set(owner.name, owner);
    const path = relative(dirname(file), target).split(sep).join("/");
    return path.startsWith(".") ? path : `./${path}`;
  };

  const written: string[] = [];
  const transformer = specifierTransformer(map);
  const emitted = program.emit(
    undefined,
    (fileName, text) => {
      ts.sys.writeFile(fileName, text);
      written.push(fileName);
    },
    undefined,
    false,
    { before: [transformer], afterDeclarations: [transformer] },
  );
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics(), ...emitted.diagnostics];
  const foldedList = [...folded.values()];
  return {
    folded: foldedList,
    referenced: [...referenced.values()].filter((p) => !folded.has(p.name)),
    externals,
    written,
    diagnostics,
  };
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}
