export { createWeftServer } from "./server.ts";
export type { WeftServer, WeftServerOptions } from "./server.ts";
export { attachSocketEndpoint } from "./socketEndpoint.ts";
export { createStaticHandler, rendererDir } from "./staticFiles.ts";
export { heldZlibStreams, perMessageDeflateOptions, tuneSocketCompression } from "./compression.ts";
export type { CompressionSettings } from "./compression.ts";
