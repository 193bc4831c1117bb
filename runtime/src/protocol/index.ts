export * from "./messages.ts";
export { parseClientMessage, nestsDeeperThan, clientInfoLimits } from "./parse.ts";
export type { ParseResult, ParseFailure, ParseOptions } from "./parse.ts";
