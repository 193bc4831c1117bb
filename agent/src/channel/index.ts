/**
 * The devtools channel: message types and the generic `Channel`. No Node, no DOM: the
 * devserver, the inspector (browser) and the VS Code extension all import from here.
 */
export type { DevServerInfo } from "./devServerInfo.ts";
export { Channel, channelDefaults, type ChannelOptions, type ChannelTransport } from "./channel.ts";
export {
  CHANNEL_VERSION,
  ChannelCloseCode,
  isDroppable,
  type ClientMessage,
  type ControlsAtResult,
  type ErrorInfo,
  type HelloFromClient,
  type HelloFromServer,
  type MessageResult,
  type MessageRow,
  type PropsResult,
  type RequestMessage,
  type ResultMessage,
  type ServerMessage,
  type SessionInfo,
  type SourceLocation,
  type SourceResult,
  type StatsResult,
  type SwapReport,
  type TreeNode,
  type TreeOp,
} from "./messages.ts";
export {
  isInspectMessage,
  type CausalChain,
  type ChainChange,
  type DeadSession,
  type EvalResult,
  type HistoryChange,
  type HistoryResult,
  type InspectClientMessage,
  type InspectCommand,
  type InspectRequest,
  type InspectResult,
  type InspectServerMessage,
  type PostMortemResult,
  type SessionError,
} from "./inspectMessages.ts";
