/**
 * What a server tells the renderer in the page it serves, before any socket exists: where the
 * app is mounted. The renderer never assumes `/`: its socket (`<basePath>/ws`), its routes
 * (`page.route` is the part of the URL below the base path), its assets and the app's own
 * `assetsDir` files all hang under `basePath` (docs/mounting.md).
 *
 * It travels as a JSON script element (`<script type="application/json" id="weft-config">`),
 * which a Content-Security-Policy without `'unsafe-inline'` still allows: it is data, not code.
 */
export interface PageConfig {
  /** Where the app is mounted: "/" or a path without a trailing slash ("/dashboard"). */
  basePath: string;
}

/** The id of the script element that carries the `PageConfig` as JSON. */
export const PAGE_CONFIG_ID = "weft-config";
