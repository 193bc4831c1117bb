import { host } from "@weft/protocol";

export type Listener<T> = (value: T) => void;

/** What every `subscribe` returns: calling it unsubscribes (idempotent). */
export type Unsubscribe = () => void;

/**
 * A typed event for the stores: `subscribe` returns its undo. A listener that throws is logged
 * and the others still hear the event: one view's bug must not blank the others.
 */
export class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();

  subscribe(listener: Listener<T>): Unsubscribe {
    // A wrapper per subscription, so the same function subscribed twice needs two undos.
    const entry: Listener<T> = (value) => listener(value);
    this.listeners.add(entry);
    return () => void this.listeners.delete(entry);
  }

  get size(): number {
    return this.listeners.size;
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (err) {
        host.console.error("weft devtools: a listener threw:", err);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
