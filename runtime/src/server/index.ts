export { createWeftServer } from "./server.ts";
export type { WeftServer, WeftServerOptions } from "./server.ts";
export type { AccessGate } from "./accessGate.ts";
export { attachSocketEndpoint } from "./socketEndpoint.ts";
export { createStaticHandler, rendererDir } from "./staticFiles.ts";
/** The pieces under the WebSocket endpoint, for another transport (and for benchmarks): sessions, and one connection's protocol. */
export { SessionManager } from "../session/sessionManager.ts";
export { Connection, type ConnectionInfo, type Transport } from "../session/connection.ts";
