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

  set(key: string, value: unknown): void {
    this.entries.set(key, value);
  }
  /** The value, or undefined for a key never set. */
  get<T = unknown>(key: string): T | undefined {
    return this.entries.get(key) as T | undefined;
  }
  containsKey(key: string): boolean {
    return this.entries.has(key);
  }
  remove(key: string): void {
    this.entries.delete(key);
  }
  getKeys(): string[] {
    return [...this.entries.keys()];
  }
  clear(): void {
    this.entries.clear();
  }
}
