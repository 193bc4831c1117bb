import { PAGE_CONFIG_ID, type PageConfig } from "@weft/protocol";

/**
 * Where the app is mounted, as the server said in the page it served (runtime/src/server/
 * basePath.ts writes the `PageConfig` element): `/` for `weft run`, `/dashboard` for an app
 * mounted with `createWeft(main, { basePath: "/dashboard" })`. Everything the renderer puts in
 * a URL goes through here, never through a hard-coded `/`.
 */
export const basePath: string = readBasePath();
const prefix = basePath === "/" ? "" : basePath;

function readBasePath(): string {
  try {
    const text = document.getElementById(PAGE_CONFIG_ID)?.textContent;
    if (!text) return "/"; // a page served without a config: the renderer's own dev server
    const config = JSON.parse(text) as Partial<PageConfig>;
    const path = config.basePath;
    return typeof path === "string" && path.startsWith("/") && !path.startsWith("//") ? path : "/";
  } catch {
    return "/";
  }
}

/** The app's route for this URL: the part below the base path (`/dashboard/settings?tab=2` → `/settings?tab=2`). */
export function routeOf(pathname: string, search = ""): string {
  if (!prefix) return pathname + search;
  if (pathname === prefix || pathname === `${prefix}/`) return `/${search}`;
  return (pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname) + search;
}

/** The route the address bar shows now. */
export function currentRoute(): string {
  return routeOf(location.pathname, location.search);
}

/** The address-bar path for a route of the app (`/settings` → `/dashboard/settings`). */
export function pathOfRoute(route: string): string {
  return prefix + (route.startsWith("/") ? route : `/${route}`);
}

/** The app's socket: `/ws` under the base path, on this page's host. */
export function socketUrl(): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}${prefix}/ws`;
}

/**
 * An app's file (`Image(src="/logo.png")`, a file of its `assetsDir`) under the base path, as
 * Flet resolves a `src` against the app's URL: root-relative and relative paths both name the
 * app's root. URLs with a scheme (`https:`, `data:`, `blob:`) and `//host/…` stay as they are.
 */
export function assetUrl(src: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//")) return src;
  return pathOfRoute(src);
}

/** Where this tab keeps its session id: one per app, so two apps of one site keep theirs apart. */
export const sessionKey = basePath === "/" ? "weft:session" : `weft:session:${basePath}`;
