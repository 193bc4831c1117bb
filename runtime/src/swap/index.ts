/**
 * Hot swap into live sessions: the machinery `weft dev` drives (docs/hot-swap.md). It lives next
 * to the runtime because it works on the runtime's internals; the runtime itself never imports
 * it, and sees it only through the construction hook in controls/control.ts and the operations
 * `Session` offers it (`hold`, `release`, `restart`).
 */
export { SwapEngine, type SwapEngineOptions, type SwapInput } from "./engine.ts";
export { SwapBuildError } from "./swapBuildError.ts";
export { SwapRegistry, type RegistryCommit } from "./registry.ts";
export { Generation } from "./generation.ts";
export { runContext, type RunContext } from "./runContext.ts";
export { installTimerTracking } from "./timerTracking.ts";
export { summarizeReport, describeControl, type SwapReport, type PropTaken, type PropKept } from "./report.ts";
export { mergeChildren, mergeProps, mergeHandlers, mergeFields } from "./merge.ts";
