export { createWeftServer } from "./server.ts";
export type { WeftServer, WeftServerOptions } from "./server.ts";
export type { AccessGate } from "./accessGate.ts";
export { attachSocketEndpoint } from "./socketEndpoint.ts";
export { createStaticHandler, rendererDir, type StaticOptions } from "./staticFiles.ts";
export { perMessageDeflateOptions, tuneSocketCompression } from "./compression.ts";
export type { CompressionSettings } from "./compression.ts";
export { createRequestGuard, refuseUpgrade } from "./requestGuard.ts";
export type { RequestGuard, RequestGuardOptions, GuardedRequestHandler, GuardedUpgradeHandler, RequestListener, UpgradeRoutes } from "./requestGuard.ts";
export { parseRequestTarget, type RequestTarget } from "./requestTarget.ts";
export { handleProcessErrors, type ProcessErrorOptions } from "./processErrors.ts";
export { startHeartbeat, answersPing } from "./heartbeat.ts";
export { defaultOptions, type WeftOptions } from "../session/options.ts";
/** The pieces under the WebSocket endpoint, for another transport (and for benchmarks): sessions, and one connection's protocol. */
export { SessionManager } from "../session/sessionManager.ts";
export { Connection, type ConnectionInfo, type Transport } from "../session/connection.ts";
