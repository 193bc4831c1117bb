import { currentPage } from "./currentPage.ts";
import type { Page } from "./page.ts";

/** Whether handlers update the page after they run, for pages whose code did not say (Flet's app-wide default). */
let autoUpdateDefault = true;

/** Whether `page`'s session flushes after the handler running now; see `context.disableAutoUpdate`. */
export function autoUpdateOf(page: Page): boolean {
  return page._session.autoUpdate ?? autoUpdateDefault;
}

/**
 * Flet's `ft.context`: the page of the code running now, and the switch for updating it after
 * each handler.
 *
 * ```ts
 * onClick: () => {
 *   context.disableAutoUpdate();
 *   button.content = "Clicked";
 *   button.update(); // only what this handler sends itself goes out
 * }
 * ```
 */
export const context = {
  /** The page whose `main` or handler is running (in a handler's synchronous part). Throws elsewhere. */
  get page(): Page {
    const page = currentPage();
    if (!page) throw new Error("weft: context.page is read outside main or a handler: there is no current page");
    return page;
  },

  /**
   * The running handler (or `main`) does not update the page when it returns: changes go out
   * with the next `update()`. Called at a module's top level, it is the default of every
   * handler of the app, as in Flet.
   */
  disableAutoUpdate(): void {
    const page = currentPage();
    if (page) page._session.autoUpdate = false;
    else autoUpdateDefault = false;
  },

  /** Undoes `disableAutoUpdate` for the running handler (or, at top level, for the app). */
  enableAutoUpdate(): void {
    const page = currentPage();
    if (page) page._session.autoUpdate = true;
    else autoUpdateDefault = true;
  },

  /** Whether the running handler will update the page when it returns. */
  get autoUpdateEnabled(): boolean {
    const page = currentPage();
    return page ? autoUpdateOf(page) : autoUpdateDefault;
  },
};
