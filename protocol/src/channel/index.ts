/**
 * `@weft/protocol/channel`: the devtools channel between the devserver and each tool (the
 * inspector, the VS Code extension): its messages as named interfaces, the `devserver.json` shape,
 * the frame-batching `Channel` both ends run, and (for the tools' trees) the tree-op applier.
 * docs/channel.md is the prose version. No Node, no DOM.
 */
export * from "./messages.ts";
export * from "./inspectMessages.ts";
export * from "./compact.ts";
export type * from "./swapReport.ts";
export type * from "./devServerInfo.ts";
export { controlLabel } from "./controlLabel.ts";
export { Channel, channelDefaults, type ChannelOptions, type ChannelTransport, type FrameGroup } from "./channel.ts";
export * from "../tree/index.ts";
