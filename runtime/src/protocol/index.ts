export * from "./messages.ts";
export { parseClientMessage } from "./parse.ts";
export type { ParseResult, ParseFailure } from "./parse.ts";
