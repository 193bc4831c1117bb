/**
 * `page.session`: the session's own key/value store, kept as long as the session lives (and
 * across hot swaps). A Map (`page.session.set("user", u)`), with Flet 1.0's `store` view too.
 */
export class PageSession extends Map<string, unknown> {
  /** Flet's `page.session.store`: `set`, `get`, `containsKey`, `remove`, `getKeys`, `clear`, over the same entries. */
  readonly store: SessionStore = new SessionStore(this);
}

/** Flet 1.0's SessionStore, over a PageSession's entries. */
export class SessionStore {
  constructor(private readonly entries: Map<string, unknown>) {}

  /** Keeps `value` under `key` for as long as the session lives (server side: any value, never sent to the browser). */
  set(key: string, value: unknown): void {
    this.entries.set(key, value);
  }
  /** The value, or undefined for a key never set. */
  get<T = unknown>(key: string): T | undefined {
    return this.entries.get(key) as T | undefined;
  }
  /** Whether the session holds a value under `key`. */
  containsKey(key: string): boolean {
    return this.entries.has(key);
  }
  /** Forgets the value under `key`. */
  remove(key: string): void {
    this.entries.delete(key);
  }
  /** Every key the session holds a value under. */
  getKeys(): string[] {
    return [...this.entries.keys()];
  }
  /** Forgets every value. */
  clear(): void {
    this.entries.clear();
  }
}
