/**
 * @weft/agent: what runs inside the inspected app. The agent turns the runtime's hook into
 * devtools channel messages; the recorder writes sessions to files. Channel types for tools
 * live in `@weft/agent/channel` (no Node imports).
 */
export { attachAgent, treeNode, treeOp, preview, errorInfo, type Agent, type AgentOptions } from "./agent.ts";
export * from "./channel/index.ts";
