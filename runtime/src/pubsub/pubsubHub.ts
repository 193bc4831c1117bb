/**
 * Pubsub between the sessions of one app. The hub keeps this process's subscriptions; a
 * transport carries envelopes between hubs. In one process the transport is a loopback; the
 * Redis transport (pubsub/redisTransport.ts: PUBLISH/SUBSCRIBE on one channel) fills the same
 * interface to reach the sessions of other processes (Flet keeps pubsub process-local: flet
 * issue #2272).
 */
export interface PubSubEnvelope {
  /** null: the app-wide channel of `sendAll`/`sendOthers`. */
  topic: string | null;
  message: unknown;
  /** The sending session, so `sendOthers` can skip it. */
  from: string;
  toOthers: boolean;
}

/** Where a transport stands, for `/metrics` and the logs. */
export type PubSubTransportState =
  /** One process, nothing to reach (the memory transport). */
  | "local"
  /** Reaching the other processes for the first time. */
  | "connecting"
  /** Messages cross processes. */
  | "up"
  /** Lost the other processes: messages reach this process's sessions only, while it reconnects. */
  | "down"
  | "closed";

export interface PubSubTransportStats {
  state: PubSubTransportState;
  /** Envelopes sent to the other processes. */
  sent: number;
  /** Envelopes received from the other processes. */
  received: number;
  /** Envelopes that reached this process's sessions only (the other processes were out of reach). */
  dropped: number;
  /** Times the transport lost the other processes and found them again. */
  reconnects: number;
}

export interface PubSubTransport {
  /**
   * Hands an envelope to every hub on the transport, this one's included. Never waits for a
   * network: a handler that publishes is not slowed by it.
   */
  publish(envelope: PubSubEnvelope): void;
  /** Delivers every envelope published by any hub on this transport (this one's included). */
  onEnvelope(deliver: (envelope: PubSubEnvelope) => void): () => void;
  /**
   * Starts reaching the other processes; resolves once the first attempt has succeeded or failed
   * (never rejects: a process serves its own sessions while the others are out of reach).
   */
  connect?(): Promise<void>;
  /** Ends the transport's connections (at shutdown, after every session's `onClose`). */
  close?(): Promise<void>;
  stats?(): PubSubTransportStats;
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

export type PubSubHandler = (message: unknown, topic: string | null) => void;

interface Subscription {
  sessionId: string;
  topic: string | null;
  handler: PubSubHandler;
}

export class PubSubHub {
  private readonly subscriptions = new Set<Subscription>();
  private readonly stop: () => void;
  /** Messages this process's sessions published, and handler calls they made here (for `/metrics`). */
  readonly counts = { published: 0, delivered: 0 };

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
    this.counts.published++;
  }

  /** The transport's figures (a memory transport: always local, nothing sent). */
  transportStats(): PubSubTransportStats {
    return this.transport.stats?.() ?? { state: "local", sent: 0, received: 0, dropped: 0, reconnects: 0 };
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

  /** Drops every subscription and ends the transport's connections. */
  async close(): Promise<void> {
    this.stop();
    this.subscriptions.clear();
    await this.transport.close?.();
  }

  private deliver(envelope: PubSubEnvelope): void {
    for (const s of [...this.subscriptions]) {
      if (s.topic !== envelope.topic) continue;
      if (envelope.toOthers && s.sessionId === envelope.from) continue;
      this.counts.delivered++;
      this.runIn(s.sessionId, () => s.handler(envelope.message, envelope.topic));
    }
  }
}
