/**
 * The HTTP request that opened a session's WebSocket (`page.request`): what an app mounted beside
 * an API reads to know who is there, as a FastAPI route reads its `Request`. The browser sends
 * the host's cookies with the upgrade (same origin), HttpOnly ones included, so the app can trust
 * the session cookie the host's sign-in set, and never sees it in the page's JavaScript.
 *
 * It is the upgrade of the tab's current connection: a tab that resumes its session after a
 * drop or a refresh brings a new one (a cookie set or cleared meanwhile is seen then).
 */
export interface PageRequest {
  /** The upgrade's path and query as sent, base path included (`/dashboard/ws?…`). */
  readonly url: string;
  /** Its headers, names in lower case, as Node gives them. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Its `Cookie` header, parsed; `{}` when there is none. */
  readonly cookies: Readonly<Record<string, string>>;
}

/** Before any connection (a session started without a tab) and where there is no HTTP (static mode, tests). */
export const NO_REQUEST: PageRequest = Object.freeze({ url: "", headers: Object.freeze({}), cookies: Object.freeze({}) });
