/**
 * Why the channel client could not do what was asked. The client's own codes:
 * - `NOT_CONNECTED`: a request while the channel is not open;
 * - `TIMEOUT`: no answer within the request's time;
 * - `CLOSED`: the channel closed before the answer came;
 * - `REFUSED`: the devserver refused the first connection (a wrong or missing token, a page that
 *   is not the one it serves), or cannot be reached;
 * - `VERSION_MISMATCH`: the devserver speaks another channel version;
 * - `NO_HELLO`: the devserver did not say hello in time, or said something else first;
 * - `BAD_FRAME`: a frame one side could not take (not JSON, not messages, too big);
 * - `BAD_ANSWER`: an answer to a request that is not the one asked.
 * A request the devserver answered with `failure` carries the devserver's code instead
 * (`NOT_FOUND`, `UNKNOWN_REQUEST`, `LOOPBACK_ONLY`…; docs/channel.md).
 */
export type ChannelErrorCode = "NOT_CONNECTED" | "TIMEOUT" | "CLOSED" | "REFUSED" | "VERSION_MISMATCH" | "NO_HELLO" | "BAD_FRAME" | "BAD_ANSWER";

/** One error class for everything the channel client reports, with a stable `code`. */
export class ChannelError extends Error {
  override readonly name = "ChannelError";

  constructor(
    /** One of `ChannelErrorCode`, or the devserver's own code for a `failure`. */
    readonly code: ChannelErrorCode | (string & {}),
    message: string,
    /** The request it answers (`get-props`…), when it is about one. */
    readonly request?: string,
  ) {
    super(message);
  }
}
