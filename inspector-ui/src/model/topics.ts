/** Parts of the inspector's state a view can subscribe to. */
export type Topic =
  | "connection"
  | "sessions"
  | "tree"
  | "selection"
  | "props"
  | "messages"
  | "message"
  | "chains"
  | "swaps"
  | "history"
  | "pick";

/** Topics that change with every frame of the app's traffic. */
const trafficTopics = new Set<Topic>(["messages", "chains"]);

/**
 * Which parts of the state changed, and who hears of it: views subscribe per topic
 * (`useSyncExternalStore` reads a version number per topic, so a patch to the tree re-renders
 * the tree, not the message list).
 *
 * Views hear of a change at most every other display frame (33 ms), and of the traffic (message
 * rows, chains) at most ten times a second: the first change after a quiet spell right away (at
 * the end of the current task), changes under load together, so 2,000 messages a second cost ten
 * renders of the list, not 2,000, and the inspected app keeps its CPU (on a 2-core machine, the
 * inspector's rendering competes with the app). A user's action is shown at once (`notifyNow`).
 */
export class Topics {
  private readonly versions = new Map<Topic, number>();
  private readonly listeners = new Map<Topic, Set<() => void>>();
  private readonly call = (topics: Iterable<Topic>) => {
    const called = new Set<() => void>();
    for (const topic of topics) {
      for (const listener of this.listeners.get(topic) ?? []) {
        if (called.has(listener)) continue;
        called.add(listener);
        listener();
      }
    }
  };
  private readonly views = new Throttle(33, this.call);
  private readonly traffic = new Throttle(100, this.call);

  subscribe(topic: Topic, listener: () => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
  }

  version(topic: Topic): number {
    return this.versions.get(topic) ?? 0;
  }

  /** Marks topics changed; views hear of it at the next throttled frame. */
  notify(...topics: Topic[]): void {
    for (const topic of topics) {
      this.bump(topic);
      (trafficTopics.has(topic) ? this.traffic : this.views).mark(topic);
    }
  }

  /** A user's action: the views show its effect now, not at the next throttled frame. */
  notifyNow(...topics: Topic[]): void {
    for (const topic of topics) this.bump(topic);
    this.call(topics);
  }

  private bump(topic: Topic): void {
    this.versions.set(topic, (this.versions.get(topic) ?? 0) + 1);
  }
}

/** Collects topics and hands them over at most once per `intervalMs` (leading edge after a pause). */
class Throttle {
  private readonly dirty = new Set<Topic>();
  private scheduled = false;
  private last = -Infinity;

  constructor(
    private readonly intervalMs: number,
    private readonly deliver: (topics: Iterable<Topic>) => void,
  ) {}

  mark(topic: Topic): void {
    this.dirty.add(topic);
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.last + this.intervalMs - performance.now();
    if (wait <= 0) queueMicrotask(this.flush);
    else setTimeout(this.flush, wait);
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    this.last = performance.now();
    const topics = [...this.dirty];
    this.dirty.clear();
    this.deliver(topics);
  };
}
