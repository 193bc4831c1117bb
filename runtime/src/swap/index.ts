/**
 * Hot swap into live sessions: the machinery `weft dev` drives (docs/hot-swap.md). It lives next
 * to the runtime because it works on the runtime's internals; the runtime itself never imports
 * it, and sees it only through the construction hook in controls/control.ts and `Session._held`.
 */
export { SwapEngine, SwapBuildError, type SwapEngineOptions, type SwapInput } from "./engine.ts";
export { SwapRegistry, type RegistryCommit } from "./registry.ts";
export { Generation, runContext, installTimerTracking, type RunContext } from "./generation.ts";
export { summarizeReport, describeControl, type SwapReport, type PropTaken, type PropKept } from "./report.ts";
export { mergeChildren, mergeProps, mergeHandlers, mergeFields } from "./merge.ts";
