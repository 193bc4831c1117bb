/** weft/testing: headless sessions with no browser and no socket, through the real protocol code. */
export { openSession, HeadlessSession, ControlHandle } from "./headlessSession.ts";
export type { OpenSessionOptions, FindQuery, InvokeAnswer } from "./headlessSession.ts";
export { ClientMirror } from "./clientMirror.ts";
export type { MirrorNode } from "./clientMirror.ts";
export { describeTree } from "../session/wireNode.ts";

// Recordings: the format, and replaying one as a test.
export { replay } from "./replay.ts";
export type { ReplayOptions, ReplayResult, Difference } from "./replay.ts";
export {
  RECORDING_FORMAT,
  RECORDING_VERSION,
  readRecording,
  readRecordingBytes,
  parseRecording,
  formatRecordingHeader,
  formatRecordingEntry,
  formatMessageLine,
  weftVersion,
} from "./recordingFormat.ts";
export type { Recording, RecordingHeader, RecordingEntry, RecordingLine } from "./recordingFormat.ts";
export { RecordingError } from "./recordingError.ts";
export type { RecordingErrorCode } from "./recordingError.ts";
export { emitTest, defaultTestPath } from "./emitTest.ts";
export type { EmitTestOptions } from "./emitTest.ts";
