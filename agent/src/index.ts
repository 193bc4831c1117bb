/**
 * @weft/agent: what runs inside the inspected app. The agent turns the runtime's hook into
 * devtools channel messages; the recorder writes sessions to files. The channel's types are
 * `@weft/protocol/channel`'s.
 */
export { attachAgent, sessionInfo, type Agent, type AgentDemand, type AgentOptions } from "./agent.ts";
export { toTreeNode, toTreeOp } from "./channelTree.ts";
export { errorInfo, preview } from "./values.ts";
export { startRecorder, type RecorderOptions } from "./recorder.ts";
