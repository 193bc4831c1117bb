/**
 * weft/desktop: an app in its own window (`--view desktop`), or opened in the default browser
 * (`--view browser`). This file only re-exports.
 */
export { openDesktopApp, type DesktopApp, type DesktopAppOptions } from "./desktopApp.ts";
export { createWindowGate, type WindowGate } from "./windowGate.ts";
export { findBrowser, BrowserNotFoundError, type FoundBrowser } from "./findBrowser.ts";
export { openInBrowser } from "./openInBrowser.ts";
export { parseView, type AppView } from "./view.ts";
export { planView, showApp, type ViewPlan } from "./showApp.ts";
