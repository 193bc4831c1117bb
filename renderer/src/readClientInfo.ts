import type { ClientInfo } from "@weft/protocol";
import { currentRoute } from "./basePath.ts";

/** What `register` tells the server about this tab (Flet's `page` block of REGISTER_CLIENT). */
export function readClientInfo(): ClientInfo {
  const info: ClientInfo = {
    route: currentRoute(),
    userAgent: navigator.userAgent,
    width: window.innerWidth,
    height: window.innerHeight,
    brightness: prefersDark() ? "dark" : "light",
  };
  const platform = detectPlatform();
  if (platform) info.platform = platform;
  if (launchedInstalled()) info.pwa = true;
  return info;
}

/** Opened as an installed app (a web app manifest's `display: standalone`), not in a tab: `page.pwa`. */
export function launchedInstalled(): boolean {
  return typeof matchMedia === "function" && (matchMedia("(display-mode: standalone)").matches || matchMedia("(display-mode: window-controls-overlay)").matches);
}

export function prefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

/** Flet's platform names. Undefined when the browser gives no usable hint. */
export function detectPlatform(): "linux" | "macos" | "windows" | "android" | "ios" | undefined {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  const hint = `${nav.userAgentData?.platform ?? ""} ${nav.platform ?? ""} ${nav.userAgent}`.toLowerCase();
  // Check phones first: Android's user agent also says "Linux".
  if (/iphone|ipad|ipod/.test(hint)) return "ios";
  // iPadOS 13+ presents itself as a Mac; only the touch points give it away.
  if (/mac/.test(hint) && nav.maxTouchPoints > 1) return "ios";
  if (/android/.test(hint)) return "android";
  if (/win/.test(hint)) return "windows";
  if (/mac/.test(hint)) return "macos";
  if (/linux|x11|cros/.test(hint)) return "linux";
  return undefined;
}
