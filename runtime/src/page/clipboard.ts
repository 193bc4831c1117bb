import { currentPage } from "./currentPage.ts";
import type { Page } from "./page.ts";

/**
 * The system clipboard of the session's browser, as Flet's `ft.Clipboard` service:
 *
 * ```ts
 * await new Clipboard().set(field.value);   // in a handler: the handler's page
 * const text = await new Clipboard().get();
 * ```
 * Browsers let a page write the clipboard only during a user gesture (a handler of a click is
 * one: the call reaches the browser while the click still counts) and read it only after the
 * user allows it; a refusal rejects with the browser's reason.
 */
export class Clipboard {
  private readonly page: Page;

  /** `page` defaults to the page whose `main` or handler is running (pass it after an `await`). */
  constructor(page?: Page) {
    const found = page ?? currentPage();
    if (!found) throw new Error("weft: new Clipboard() outside main or a handler's first step: pass the page, new Clipboard(page)");
    this.page = found;
  }

  /** Puts `value` on the clipboard. */
  async set(value: string): Promise<void> {
    await this.page._session.invoke("clipboard.set", [value]);
  }

  /** The clipboard's text, or null when it holds none. */
  async get(): Promise<string | null> {
    const text = await this.page._session.invoke("clipboard.get", []);
    return typeof text === "string" ? text : null;
  }
}
