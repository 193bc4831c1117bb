import type { ServerMessage } from "@weft/protocol/channel";

/**
 * How often frames go to a tool. After a quiet spell a frame leaves at once, the rest of a short
 * burst (a click's event, patch, chain and the tab's timing) `minMs` apart; once a session's
 * traffic has gone on for `busyMs`, one frame per `busyMs` (React DevTools' bridge batches for
 * 100 ms too): ten socket writes a second in the app's process and ten wake-ups of the tool's,
 * whose process competes with the app's for the cores, and a frame's groups fold more (a
 * control's sets, channelGroups.ts). A tool may ask for another window in its `hello`
 * (`batchMs`, `minMs`–1000).
 */
export const FRAME_INTERVALS = { minMs: 16, busyMs: 100, maxBusyMs: 1_000 };

/** What a tool waits for (answers to its requests, the tree it asked to watch): never held for the batching window. */
export function isAnswer(message: ServerMessage): boolean {
  switch (message.type) {
    case "result":
    case "failure":
    case "tree":
    case "hello":
    case "sessions":
    case "picked":
      return true;
    default:
      return false;
  }
}
