/**
 * `weft/static`: what a static build's Web Worker runs (the build's generated entry imports it
 * next to the app). Browser-only: nothing here, nor what it imports, needs Node.
 */
export { startStaticApp, type StaticApp, type StaticAppOptions, type WorkerScope } from "./workerHost.ts";
export { createBroadcastChannelTransport } from "../pubsub/broadcastChannelTransport.ts";
export { isStatic } from "./staticMode.ts";
