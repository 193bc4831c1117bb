import type { Page } from "./page.ts";

/**
 * The page whose code is running now: set by the session around `main` and each handler's
 * synchronous part (and a task's start), so Flet-style calls that name no page (`new
 * Clipboard()`, `context.disableAutoUpdate()`) find it. A plain variable, not
 * AsyncLocalStorage, so it works wherever the runtime runs (Node, a browser worker); the price:
 * after an `await`, code must name its page (`new Clipboard(page)`).
 */
let current: Page | null = null;

/** Runs `fn` with `page` as the current page. */
export function withCurrentPage<T>(page: Page, fn: () => T): T {
  const previous = current;
  current = page;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** The page running now, or null outside `main`, a handler's synchronous part or a task's start. */
export function currentPage(): Page | null {
  return current;
}
