/**
 * `node:async_hooks`' AsyncLocalStorage for a tab's worker under `weft dev --static` (the
 * devserver resolves that import here). A browser has no way to follow a value through
 * `await`s (the TC39 AsyncContext proposal is not shipped), so the store holds while `run`'s
 * function runs synchronously, nested runs restoring the outer one. What the swap engine uses
 * it for (which build a construction belongs to, which generation a timer belongs to) is then
 * exact for code that does not await; constructions after an `await` in an async `main` are not
 * matched, and the engine falls back to a hot restart for that session, saying so in its report.
 */
export class AsyncLocalStorage<T> {
  private store: T | undefined;

  getStore(): T | undefined {
    return this.store;
  }

  run<R, A extends unknown[]>(store: T, fn: (...args: A) => R, ...args: A): R {
    const previous = this.store;
    this.store = store;
    try {
      return fn(...args);
    } finally {
      this.store = previous;
    }
  }
}
