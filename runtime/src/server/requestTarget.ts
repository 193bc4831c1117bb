/** A request's path and query, decoded and checked: what handlers read instead of `req.url`. */
export interface RequestTarget {
  /** The decoded path below the base path, starting with `/` (`/todo/3`). */
  path: string;
  /** The path as sent, still percent-encoded, below the base path. */
  rawPath: string;
  /** The query string, parsed. */
  query: URLSearchParams;
}

export type TargetResult =
  | { ok: true; target: RequestTarget }
  /** 400: not a path at all; 404: a path, but not under the base path (a mount passes it on). */
  | { ok: false; status: 400 | 404; message: string };

/**
 * Reads `req.url` without ever throwing: `decodeURIComponent` throws on a lone `%`, and
 * `new URL("//", base)` on a path that reads as a host — each once ended the process from one
 * GET. Only origin-form targets are served (RFC 9112 §3.2.1, a path and a query); absolute-form
 * (`GET http://evil/`, for proxies), asterisk-form (`OPTIONS *`), `//…` and garbage get 400, as
 * do a malformed percent-encoding and a NUL byte.
 *
 * `basePath` ("/" or "/dashboard") is stripped, so handlers see paths relative to where the
 * app is mounted.
 */
export function parseRequestTarget(url: string | undefined, basePath = "/"): TargetResult {
  if (!url || url[0] !== "/") return bad("the request target must be a path starting with '/'");
  if (url[1] === "/") return bad("the request path may not start with '//'");
  const q = url.indexOf("?");
  const fullRaw = q < 0 ? url : url.slice(0, q);
  const base = basePath === "/" ? "" : basePath.replace(/\/$/, "");
  if (base && fullRaw !== base && !fullRaw.startsWith(base + "/")) return { ok: false, status: 404, message: `not under ${base}/` };
  const rawPath = fullRaw.slice(base.length) || "/";
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return bad("the request path has a malformed percent-encoding");
  }
  if (path.includes("\0")) return bad("the request path holds a NUL byte");
  return { ok: true, target: { path, rawPath, query: new URLSearchParams(q < 0 ? "" : url.slice(q + 1)) } };
}

const bad = (message: string): TargetResult => ({ ok: false, status: 400, message });
