/** What `Emitter.event` returns: VS Code's `Disposable` shape, so it can go in `context.subscriptions`. */
export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (value: T) => void;

/**
 * A typed event without VS Code (vscode.EventEmitter's shape): the model under `src/model` runs
 * in unit tests, where the `vscode` module does not exist.
 */
export class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();

  /** Subscribes; the returned disposable unsubscribes. */
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (err) {
        // One view's bug must not stop the others from hearing the event.
        console.error("weft: a listener threw:", err);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
