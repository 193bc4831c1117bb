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
  /** What was sent: any value (JSON-serialisable when it crosses processes through Redis). */
  message: unknown;
  /** The sending session, so `sendOthers` can skip it. */
  from: string;
  /** True for `sendOthers…`: every subscriber but the sender gets it. */
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

/** What a pubsub transport reports of itself (`/metrics`, the logs): its state and its traffic. */
export interface PubSubTransportStats {
  /** "connecting", "up", or "down" (envelopes to other processes are lost until it is up again). */
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

/** Carries pub/sub envelopes between hubs: in memory in one process, Redis or a BroadcastChannel across several. */
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
  /** Its state and traffic, for `/metrics` and the logs; absent for a transport within one process. */
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

/** Receives a published message and its topic (`null` for `sendAll`). */
export type PubSubHandler = (message: unknown, topic: string | null) => void;

interface Subscription {
  sessionId: string;
  topic: string | null;
  handler: PubSubHandler;
}

/**
 * This process's subscriptions, indexed by topic (a delivery visits only that topic's
 * subscribers, not every subscription of the process: with Redis each process receives every
 * message of the app) and by session (a closing session drops its own without a scan).
 */
export class PubSubHub {
  private readonly byTopic = new Map<string | null, Set<Subscription>>();
  private readonly bySession = new Map<string, Set<Subscription>>();
  private count = 0;
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

  /**
   * Delivers every envelope on `topic` (null: the app-wide channel) to `handler` of session
   * `sessionId`; returns the unsubscribe function.
   */
  subscribe(sessionId: string, topic: string | null, handler: PubSubHandler): () => void {
    const subscription = { sessionId, topic, handler };
    add(this.byTopic, topic, subscription);
    add(this.bySession, sessionId, subscription);
    this.count++;
    return () => this.remove(subscription);
  }

  /** Sends an envelope to its subscribers, through the transport (every process of the app with Redis). */
  publish(envelope: PubSubEnvelope): void {
    this.transport.publish(envelope);
    this.counts.published++;
  }

  /** The transport's figures (a memory transport: always local, nothing sent). */
  transportStats(): PubSubTransportStats {
    return this.transport.stats?.() ?? { state: "local", sent: 0, received: 0, dropped: 0, reconnects: 0 };
  }

  /** Drops every subscription of a session (it closed), or those of one topic. */
  unsubscribeAll(sessionId: string, topic?: string | null): void {
    for (const s of [...(this.bySession.get(sessionId) ?? [])]) {
      if (topic === undefined || s.topic === topic) this.remove(s);
    }
  }

  /** How many subscriptions this process holds (for tests and the inspector). */
  get size(): number {
    return this.count;
  }

  /** Drops every subscription and ends the transport's connections. */
  async close(): Promise<void> {
    this.stop();
    this.byTopic.clear();
    this.bySession.clear();
    this.count = 0;
    await this.transport.close?.();
  }

  private remove(subscription: Subscription): void {
    if (!drop(this.byTopic, subscription.topic, subscription)) return;
    drop(this.bySession, subscription.sessionId, subscription);
    this.count--;
  }

  private deliver(envelope: PubSubEnvelope): void {
    const subscribers = this.byTopic.get(envelope.topic);
    if (!subscribers) return;
    // A copy: a handler may subscribe or unsubscribe while the message goes round.
    for (const s of [...subscribers]) {
      if (envelope.toOthers && s.sessionId === envelope.from) continue;
      this.counts.delivered++;
      this.runIn(s.sessionId, () => s.handler(envelope.message, envelope.topic));
    }
  }
}

function add<K>(index: Map<K, Set<Subscription>>, key: K, subscription: Subscription): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(subscription);
}

/** Removes it from the index; false when it was not there (unsubscribed already). */
function drop<K>(index: Map<K, Set<Subscription>>, key: K, subscription: Subscription): boolean {
  const set = index.get(key);
  if (!set?.delete(subscription)) return false;
  if (set.size === 0) index.delete(key);
  return true;
}
