/**
 * Pubsub between the sessions of one app. The hub keeps this process's subscriptions; a
 * transport carries envelopes between hubs. In one process the transport is a loopback; a
 * Redis transport (PUBLISH/SUBSCRIBE on one channel) fills the same interface to reach the
 * sessions of other processes (Flet keeps pubsub process-local: flet issue #2272).
 */
export interface PubSubEnvelope {
  /** null: the app-wide channel of `sendAll`/`sendOthers`. */
  topic: string | null;
  message: unknown;
  /** The sending session, so `sendOthers` can skip it. */
  from: string;
  toOthers: boolean;
}

/** Carries pub/sub envelopes between hubs: in memory in one process, Redis or a BroadcastChannel across several. */
export interface PubSubTransport {
  publish(envelope: PubSubEnvelope): void;
  /** Delivers every envelope published by any hub on this transport (this one's included). */
  onEnvelope(deliver: (envelope: PubSubEnvelope) => void): () => void;
}

/** Envelopes go straight back to the publishing hub: one process, no network. */
export function createMemoryTransport(): PubSubTransport {
  const receivers = new Set<(envelope: PubSubEnvelope) => void>();
  return {
    publish(envelope) {
      for (const deliver of receivers) deliver(envelope);
    },
    onEnvelope(deliver) {
      receivers.add(deliver);
      return () => receivers.delete(deliver);
    },
  };
}

/** Receives a published message and its topic (`null` for `sendAll`). */
export type PubSubHandler = (message: unknown, topic: string | null) => void;

interface Subscription {
  sessionId: string;
  topic: string | null;
  handler: PubSubHandler;
}

/** Delivers `page.pubsub` messages to the sessions that subscribed, over a transport shared by every hub. */
export class PubSubHub {
  private readonly subscriptions = new Set<Subscription>();
  private readonly stop: () => void;

  constructor(
    private readonly transport: PubSubTransport = createMemoryTransport(),
    /** Runs a delivery inside the receiving session (errors reported there, changes sent). */
    private readonly runIn: (sessionId: string, call: () => void) => void = (_id, call) => call(),
  ) {
    this.stop = transport.onEnvelope((envelope) => this.deliver(envelope));
  }

  subscribe(sessionId: string, topic: string | null, handler: PubSubHandler): () => void {
    const subscription = { sessionId, topic, handler };
    this.subscriptions.add(subscription);
    return () => this.subscriptions.delete(subscription);
  }

  publish(envelope: PubSubEnvelope): void {
    this.transport.publish(envelope);
  }

  /** Drops every subscription of a session (it closed). */
  unsubscribeAll(sessionId: string, topic?: string | null): void {
    for (const s of this.subscriptions) {
      if (s.sessionId === sessionId && (topic === undefined || s.topic === topic)) this.subscriptions.delete(s);
    }
  }

  /** How many subscriptions this process holds (for tests and the inspector). */
  get size(): number {
    return this.subscriptions.size;
  }

  close(): void {
    this.stop();
    this.subscriptions.clear();
  }

  private deliver(envelope: PubSubEnvelope): void {
    for (const s of [...this.subscriptions]) {
      if (s.topic !== envelope.topic) continue;
      if (envelope.toOthers && s.sessionId === envelope.from) continue;
      this.runIn(s.sessionId, () => s.handler(envelope.message, envelope.topic));
    }
  }
}
