/** create-weft: starts a weft project. This file only re-exports (`weft create` uses it too). */
export { main, usage } from "./main.ts";
export { scaffold, projectManifest, packageNameFor, invalidPackageName, ownVersion, ScaffoldError, type ScaffoldOptions, type ScaffoldResult } from "./scaffold.ts";
export { packageManager, nextSteps } from "./packageManager.ts";
