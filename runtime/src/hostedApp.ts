import type { UpgradeRoutes } from "./server/requestGuard.ts";
import type { WeftOptions } from "./session/options.ts";
import type { AppMain } from "./session/session.ts";
import type { SessionManager } from "./session/sessionManager.ts";

/**
 * An app this process serves, as the hook lists it (`hook.apps`): every `createWeft()` (which
 * `weft run`'s and `weft dev`'s servers use too) registers one while it is open.
 */
export interface HostedApp {
  /** Where it is mounted: "/" or "/dashboard". */
  readonly basePath: string;
  /** Its sessions. */
  readonly manager: SessionManager;
  /** Its page's URL on each listening server it is attached to (`http://127.0.0.1:3000/dashboard/`). */
  readonly urls: readonly string[];
}

/** What `createWeft(main, { basePath })` asks the app host about. */
export interface AppRequest {
  /** The path the app is mounted under, e.g. "/admin/" ("/" at the root). */
  readonly basePath: string;
  /** The `main` the app was given. */
  readonly main: AppMain;
}

/** How the app host changes an app it adopts; every field optional. */
export interface AppAdoption {
  /** The `main` to serve instead (the swap engine's, which runs the current code). */
  main?: AppMain;
  /** Sessions to keep serving: those of the app this one replaces (the server module ran again). */
  manager?: SessionManager;
  /** HTML for the page's `<head>` (the overlay client). */
  injectHtml?: string;
  /** Limits and defaults to use over the app's own (`exposeErrors` for the developer). */
  options?: Partial<WeftOptions>;
  /** Called once the app exists (to take a socket path among its upgrades, to learn its URLs). */
  adopted?(app: HostedApp & { readonly upgrades: UpgradeRoutes }): void;
}

/**
 * The devserver's side of mounted apps (`weft dev server.ts`): while it runs a module that starts
 * the user's server, every `createWeft()` asks it first, and it answers with the swap engine's
 * `main` and, when the server module ran again after an edit, the sessions of the app it
 * replaces. The runtime knows only this interface; the devserver sets `hook.appHost`.
 */
export interface AppHost {
  /**
   * Takes over an app `createWeft` is making (the dev server does, to swap its code); undefined
   * lets the app run as it is.
   */
  adopt(request: AppRequest): AppAdoption | undefined;
}
