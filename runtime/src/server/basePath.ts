/** Characters a base path may hold: RFC 3986's path characters, without `%`, `?` and `#`. */
const SEGMENTS = /^(\/[A-Za-z0-9._~!$&'()*+,;=:@-]+)+$/;

/**
 * Where an app is mounted, written one way: `/` or `/dashboard` (a leading slash, no trailing
 * one). `"dashboard"`, `"/dashboard/"` and `""` are accepted and normalized; anything that is
 * not a plain path (`..`, `//`, a query, an escape) is a `TypeError` naming the option, since
 * the same string becomes part of every URL the renderer builds.
 */
export function normalizeBasePath(basePath: string | undefined): string {
  if (basePath === undefined || basePath === "" || basePath === "/") return "/";
  let path = basePath.startsWith("/") ? basePath : `/${basePath}`;
  if (path.endsWith("/")) path = path.slice(0, -1);
  if (!SEGMENTS.test(path) || path.split("/").some((segment) => segment === "." || segment === "..")) {
    throw new TypeError(`basePath ${JSON.stringify(basePath)} is not a plain path: use segments of letters, digits and -._~ such as "/dashboard"`);
  }
  return path;
}

/** `basePath` as a prefix to put before a root-relative path: "" for the root. */
export function basePrefix(basePath: string): string {
  return basePath === "/" ? "" : basePath;
}

/**
 * The renderer's page for an app mounted at `basePath`. Every URL in the renderer's build is
 * relative to the page's `<base href="/">` (renderer/index.html), so a mount rewrites that one
 * tag to `<base href="/dashboard/">`: its assets, its socket (`ws`) and its routes then resolve
 * under the mount from any deep link, and the renderer learns its base path from the document
 * (renderer/src/basePath.ts), never from a hard-coded `/`. `injectHtml` goes before `</head>`
 * (the devserver's overlay client).
 */
export function renderIndexHtml(html: string, basePath: string, injectHtml = ""): string {
  const href = basePath === "/" ? "/" : `${basePath}/`; // a plain path (normalizeBasePath): no quoting needed
  if (!BASE_TAG.test(html)) throw new Error("the renderer's index.html has no <base href>: rebuild the renderer (npm run build)");
  return html.replace(BASE_TAG, `<base href="${href}" />`).replace("</head>", `${injectHtml}</head>`);
}

const BASE_TAG = /<base href="[^"]*"\s*\/?>/;
