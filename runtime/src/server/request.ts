import type { IncomingMessage } from "node:http";
import { parseCookie } from "cookie";
import type { PageRequest } from "../session/pageRequest.ts";

/**
 * `page.request` from a WebSocket upgrade: a frozen copy (the app may keep it; Node reuses
 * nothing of it, but the app must not be able to change what the next reader sees). Cookies are
 * parsed by `cookie` (Express's parser): names without a value and malformed pairs are skipped,
 * and values are percent-decoded where they can be.
 */
export function pageRequestOf(req: IncomingMessage): PageRequest {
  // No prototype: a cookie named `__proto__` or `constructor` is just a name.
  const headers: Record<string, string | readonly string[] | undefined> = Object.create(null);
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? Object.freeze([...value]) : value;
  const cookies: Record<string, string> = Object.create(null);
  const header = req.headers.cookie;
  if (header) {
    for (const [name, value] of Object.entries(parseCookie(header))) if (value !== undefined) cookies[name] = value;
  }
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? "";
  return Object.freeze({ url, headers: Object.freeze(headers), cookies: Object.freeze(cookies) });
}
