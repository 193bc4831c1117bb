/**
 * What `page.platform` is compared against, as in Flet: `page.platform === PagePlatform.ANDROID`.
 * In a browser it is the operating system the browser runs on, read from its user agent.
 */
export const PagePlatform = {
  IOS: "ios",
  ANDROID: "android",
  ANDROID_TV: "android_tv",
  MACOS: "macos",
  WINDOWS: "windows",
  LINUX: "linux",
} as const;
export type PagePlatform = (typeof PagePlatform)[keyof typeof PagePlatform];

/** Phones and tablets (Flet's `PagePlatform.is_mobile()`). */
export function isMobilePlatform(platform: string | undefined): boolean {
  return platform === PagePlatform.IOS || platform === PagePlatform.ANDROID;
}
