import type { PubSubHandler, PubSubHub } from "./pubsubHub.ts";

/**
 * `page.pubsub`: one session's side of the app's pubsub. Subscriptions end with the session.
 * A handler runs inside the receiving session: its errors are reported there, and what it
 * changes is sent to that session's browser (calling `page.update()` is harmless).
 */
export class PubSubClient {
  constructor(
    private readonly hub: PubSubHub,
    private readonly sessionId: string,
  ) {}

  /** Receives every `sendAll`/`sendOthers` message. Returns the unsubscribe. */
  subscribe(handler: (message: unknown) => void): () => void {
    return this.hub.subscribe(this.sessionId, null, handler as PubSubHandler);
  }

  /** Receives messages sent on `topic`. Returns the unsubscribe. */
  subscribeTopic(topic: string, handler: (topic: string, message: unknown) => void): () => void {
    return this.hub.subscribe(this.sessionId, topic, (message, t) => handler(t!, message));
  }

  /** To every subscribed session, this one included. */
  sendAll(message: unknown): void {
    this.hub.publish({ topic: null, message, from: this.sessionId, toOthers: false });
  }

  /** To every subscribed session but this one. */
  sendOthers(message: unknown): void {
    this.hub.publish({ topic: null, message, from: this.sessionId, toOthers: true });
  }

  /** Sends `message` to every session subscribed to `topic` (`subscribeTopic`), this one included. */
  sendAllOnTopic(topic: string, message: unknown): void {
    this.hub.publish({ topic, message, from: this.sessionId, toOthers: false });
  }

  /** Sends `message` to every session subscribed to `topic` except this one. */
  sendOthersOnTopic(topic: string, message: unknown): void {
    this.hub.publish({ topic, message, from: this.sessionId, toOthers: true });
  }

  /** Ends this session's subscriptions: all of them, or those of one topic. */
  unsubscribe(topic?: string): void {
    this.hub.unsubscribeAll(this.sessionId, topic === undefined ? undefined : topic);
  }
}
