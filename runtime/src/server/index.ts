export { createWeftServer } from "./server.ts";
export type { WeftServer, WeftServerOptions } from "./server.ts";
export type { AccessGate } from "./accessGate.ts";
export { attachSocketEndpoint } from "./socketEndpoint.ts";
export { createStaticHandler, rendererDir } from "./staticFiles.ts";
