import { AsyncLocalStorage } from "node:async_hooks";
import type { AsyncContext } from "./runContext.ts";

/** The Node implementation of the run context: AsyncLocalStorage. The only `node:` import of the swap. */
export function createAsyncContext<T>(): AsyncContext<T> {
  return new AsyncLocalStorage<T>();
}
