import { createAsyncContext } from "./asyncContext.node.ts";
import type { BuildContext } from "./buildContext.ts";
import type { Generation } from "./generation.ts";

/**
 * What app code running right now belongs to: set around `main` and around a module's import,
 * and carried across its `await`s, timers and tasks, so that what it starts can be ended with it
 * (see `Generation`) and its constructions recorded or reused (see `BuildContext`).
 */
export interface RunContext {
  gen: Generation;
  /** Set while main builds a page: how constructions are recorded or reused. */
  build?: BuildContext;
}

/**
 * A value that follows the code that runs inside `run`, through its awaits and callbacks. Node
 * has AsyncLocalStorage; a browser worker (static mode) will bring its own implementation of
 * this interface, in a file of its own next to the Node one.
 */
export interface AsyncContext<T> {
  run<R>(value: T, fn: () => R): R;
  getStore(): T | undefined;
}

export const runContext: AsyncContext<RunContext> = createAsyncContext<RunContext>();

/** The generation of the code running now, if it is one of ours. */
export function currentGeneration(): Generation | undefined {
  return runContext.getStore()?.gen;
}
