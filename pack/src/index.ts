/** @weft/pack: builds the package a user installs. This file only re-exports. */
export { buildPackage, PackBuildError, type BuildOptions, type BuildResult } from "./build.ts";
export { compile, packageName, type CompileOptions, type CompileResult } from "./compile.ts";
export { checkHostManifest, missingDependencies, OUT_DIR, type ManifestProblem } from "./hostManifest.ts";
export { SOURCE_CONDITION, builtManifest } from "./targets.ts";
export { findWorkspaceRoot, readWorkspace, type Workspace, type WorkspacePackage, type Manifest } from "./workspace.ts";
