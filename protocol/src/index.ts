/**
 * `@weft/protocol`: the app protocol between a browser tab and its session (messages, close
 * codes, the parser for what the browser sends), the one tree-op applier every side uses, and
 * `host`, the few timer functions every JavaScript host has (for packages that take no Node or DOM
 * types either, like @weft/devtools-client).
 * docs/protocol.md is the prose version. The devtools channel is `@weft/protocol/channel`.
 *
 * Nothing here imports Node or the DOM (its own tsconfig has neither), and nothing imports
 * another package: the runtime, the renderer, a browser worker and the tools all take it as is.
 */
export * from "./app/messages.ts";
export { parseClientMessage, nestsDeeperThan, clientInfoLimits, type ParseFailure, type ParseResult, type ParseOptions } from "./app/parse.ts";
export { carriesNodes, fromRelativeIds, toRelativeIds, type RelativeWireNode } from "./app/relativeIds.ts";
export * from "./tree/index.ts";
export { host, type Host } from "./host.ts";
export { ROUTING_KEY_PARAM, ROUTING_KEY_MAX, isRoutingKey } from "./app/routingKey.ts";
