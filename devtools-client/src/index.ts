/**
 * @weft/devtools-client: a tool's end of the weft devtools channel, shared by the inspector, the
 * VS Code extension and the tests. The channel client (hello and version check, typed requests,
 * one error class, reconnection) and the stores it feeds (the sessions and which one is shown,
 * the shown session's tree and message rows, swap reports), gathered by `DevtoolsModel`.
 * No Node and no DOM: it runs in a browser page, in VS Code's extension host and in Node alike.
 * This file only re-exports.
 */
export {
  ChannelClient,
  channelClientDefaults,
  type ChannelClientOptions,
  type ChannelCommand,
  type ChannelEvent,
  type ChannelState,
  type RequestOptions,
  type RequestType,
  type RowsSkippedEvent,
  type ChainsSkippedEvent,
} from "./channelClient.ts";
export { ChannelError, type ChannelErrorCode } from "./channelError.ts";
export { defaultReconnect, reconnectDelay, type ReconnectPolicy } from "./reconnect.ts";
export { redact, type SocketFactory, type WebSocketLike } from "./socket.ts";
export { Emitter, type Listener, type Unsubscribe } from "./emitter.ts";
export { DevtoolsModel, type DevtoolsModelOptions } from "./devtoolsModel.ts";
export { SessionList, type SessionListOptions } from "./sessionList.ts";
export { TreeStore, formatTree, type ControlNode, type TreeChange } from "./treeStore.ts";
export { MessageLog, MESSAGE_LOG_CAPACITY, decorate, defaultFilter, type LogChange, type LogGap, type LogRow, type MessageFilter, type Totals } from "./messageLog.ts";
export { RingBuffer } from "./ringBuffer.ts";
export { SwapLog, type BuildError } from "./swapLog.ts";
export { describeNode, nameOf } from "./names.ts";
