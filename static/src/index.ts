/**
 * @weft/static: static mode's Node side. `buildStatic` is `weft build --static`, `startPreview`
 * is `weft preview`; the browser side (the worker host) is the runtime's `weft/static`.
 */
export { buildStatic, normalizeBase, StaticBuildError, type StaticBuildOptions, type StaticBuildResult } from "./build.ts";
export { browserOnlyPlugin, describeBrowserImport, type BrowserImport } from "./browserOnly.ts";
export { formatWritten, listWritten, type WrittenFile } from "./sizeReport.ts";
export { workerEntryPlugin, workerEntrySource, WORKER_ENTRY } from "./workerEntry.ts";
export { startPreview, baseOf, PreviewError, type PreviewOptions, type PreviewServer } from "./preview.ts";
export { processConditions } from "./conditions.ts";
