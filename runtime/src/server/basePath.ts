import { PAGE_CONFIG_ID, type PageConfig } from "@weft/protocol";

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
 * The renderer's page for an app mounted at `basePath`. The renderer is built with relative
 * asset URLs (`./_weft/…`, renderer/vite.config.ts), which would break on a deep link
 * (`/dashboard/settings` would ask for `/dashboard/_weft/…` only by luck of depth), so they are
 * made absolute under the base path here, once per app; and the page carries the config the
 * renderer reads before it opens its socket (`PageConfig`). `injectHtml` goes before
 * `</head>` too (the devserver's overlay client).
 */
export function renderIndexHtml(html: string, basePath: string, injectHtml = ""): string {
  const config: PageConfig = { basePath };
  // JSON inside a script element: only `</script>` (or `<!--`) could end it early.
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  const head = `<script type="application/json" id="${PAGE_CONFIG_ID}">${json}</script>${injectHtml}`;
  return html.replace(/(["'])\.\/_weft\//g, `$1${basePrefix(basePath)}/_weft/`).replace("</head>", `${head}</head>`);
}
