/**
 * @weft/devserver: `weft dev`. This file only re-exports.
 */
export { startDevServer, DevServerError, type DevServer, type DevServerOptions, type DevEvent } from "./devServer.ts";
export { transformForSwap, type ModuleFacts } from "./transform.ts";
export type { DevServerInfo } from "./workspaceFile.ts";
export { startStaticDevServer, type StaticDevServer, type StaticDevServerOptions } from "./static/staticDevServer.ts";
