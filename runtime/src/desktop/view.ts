/** Where an app is shown: Flet's `AppView` (`FLET_APP`, `WEB_BROWSER`) plus weft's plain server. */
export type AppView = "web" | "browser" | "desktop";

const views: readonly AppView[] = ["web", "browser", "desktop"];

/** `--view`'s value, or a message naming the choices. Default "web". */
export function parseView(value: string | undefined): AppView {
  if (value === undefined) return "web";
  if ((views as readonly string[]).includes(value)) return value as AppView;
  throw new TypeError(`--view must be one of ${views.join(", ")}, got '${value}'`);
}
