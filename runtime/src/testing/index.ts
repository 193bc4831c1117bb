/** weft/testing: headless sessions with no browser and no socket, through the real protocol code. */
export { openSession, HeadlessSession, ControlHandle } from "./headlessSession.ts";
export type { OpenSessionOptions, FindQuery } from "./headlessSession.ts";
export { ClientMirror } from "./clientMirror.ts";
export type { MirrorNode } from "./clientMirror.ts";
export { describeTree } from "../session/wireNode.ts";
