import type { ChannelClient, DevtoolsModel } from "@weft/devtools-client";
import type { Topics } from "./topics.ts";

/** What the inspector uses of the channel: the shared client's commands and typed requests (a fake in tests). */
export type InspectorChannel = Pick<ChannelClient, "send" | "request">;

/** What every concern of the inspector's model is given. */
export interface InspectorContext {
  readonly channel: InspectorChannel;
  /** Sessions, the shown session's live tree and message rows, swaps: what every tool shows. */
  readonly model: DevtoolsModel;
  readonly topics: Topics;
}

/**
 * A request failed and no view has a place to show it: say so in the page's console with what
 * was being done, instead of dropping it.
 */
export function reportFailure(what: string, err: unknown): void {
  console.error(`[weft inspector] ${what} failed: ${err instanceof Error ? err.message : String(err)}`, err);
}
