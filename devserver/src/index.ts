/**
 * @weft/devserver: `weft dev`. This file only re-exports.
 */
export { startDevServer, DevServerError, type DevServer, type DevServerOptions, type DevEvent } from "./devServer.ts";
export { transformForSwap, type ModuleFacts } from "./transform.ts";
/** The devtools channel on its own (the devtools client's tests run it with a real agent). */
export { startChannelServer, type ChannelServer, type ChannelServerOptions } from "./channelServer.ts";
export { Hub, type HubContext } from "./hub.ts";
/** How the hub writes channel messages (the benchmark sets it against JSON.stringify). */
export { channelJson } from "./channelJson.ts";
export { startRecordingViewer, type RecordingViewer, type RecordingViewerOptions } from "./recordingViewer.ts";
export type { DevServerInfo } from "./workspaceFile.ts";
export { startStaticDevServer, type StaticDevServer, type StaticDevServerOptions } from "./static/staticDevServer.ts";
