import type { PubSubEnvelope, PubSubTransport } from "./pubsubHub.ts";

/**
 * Pubsub between the tabs of one origin, for static builds: each tab's worker holds one
 * session, and a `BroadcastChannel` carries the envelopes between them (the browser's own
 * cross-tab bus, same-origin by construction). The channel does not echo to its sender, so a
 * publish is delivered here first, as the in-process transport does: `sendAll` reaches this
 * tab's session too. Envelopes are structured-cloned: a message that cannot be cloned (a
 * function, a control) reaches this tab only, with a warning, instead of throwing in the app.
 */
export function createBroadcastChannelTransport(name: string): PubSubTransport {
  const channel = new BroadcastChannel(name);
  const receivers = new Set<(envelope: PubSubEnvelope) => void>();
  const deliver = (envelope: PubSubEnvelope) => {
    for (const receive of receivers) receive(envelope);
  };
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isEnvelope(event.data)) deliver(event.data);
  };
  return {
    publish(envelope) {
      deliver(envelope);
      try {
        channel.postMessage(envelope);
      } catch (err) {
        console.warn(`weft: a pubsub message could not be sent to the other tabs (${(err as Error).message}); send plain data (JSON-like values)`);
      }
    },
    onEnvelope(receive) {
      receivers.add(receive);
      return () => receivers.delete(receive);
    },
  };
}

function isEnvelope(data: unknown): data is PubSubEnvelope {
  if (typeof data !== "object" || data === null) return false;
  const e = data as Partial<PubSubEnvelope>;
  return (e.topic === null || typeof e.topic === "string") && typeof e.from === "string" && typeof e.toOthers === "boolean";
}
