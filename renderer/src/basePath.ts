/**
 * The app's base path and its routes. A page served under a sub-path (`/repo/` on GitHub
 * Pages, a mount at `/dashboard/`) says so with `<base href>`; routes are what follows it, so
 * `/repo/items/3` is the app's route `/items/3` and `page.go("/about")` shows `/repo/about`.
 */
export function basePath(doc: Document = document): string {
  const path = new URL(doc.baseURI).pathname;
  return path.endsWith("/") ? path : path.slice(0, path.lastIndexOf("/") + 1);
}

/** The route a URL stands for: its path below the base (with its query). */
export function routeOf(url: { pathname: string; search: string }, base: string = basePath()): string {
  const path = url.pathname;
  if (path.startsWith(base)) return "/" + path.slice(base.length) + url.search;
  if (path === base.slice(0, -1)) return "/" + url.search; // `/repo` without its slash
  return path + url.search; // outside the base: not the app's, shown as it is
}

/** The URL path that shows `route`. */
export function pathOf(route: string, base: string = basePath()): string {
  return base + route.replace(/^\/+/, "");
}

/** The browser URL's part that is a weft route. */
export function currentRoute(): string {
  return routeOf(location);
}

/** A URL below the base, for the app's own files and endpoints. */
export function resolveInBase(path: string, doc: Document = document): URL {
  return new URL(path.replace(/^\/+/, ""), new URL(basePath(doc), doc.baseURI));
}
