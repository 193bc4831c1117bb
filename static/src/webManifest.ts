/** The icons every static build ships (static/assets), copied next to the renderer's files. */
export const icons = [
  { file: "icon-192.png", sizes: "192x192" },
  { file: "icon-512.png", sizes: "512x512" },
] as const;

export interface WebManifestOptions {
  name: string;
  themeColor: string;
  /** Where the icons are, relative to the base (and so to the manifest, which sits at the base). */
  iconDir: string;
}

/**
 * The web app manifest (w3.org/TR/appmanifest) that makes the site installable: a name,
 * `display: standalone` (the app opens in its own window; `page.pwa` is then true), the
 * site's base as start URL and scope (relative URLs resolve against the manifest, which lives
 * at the base), and icons of the sizes browsers ask for.
 */
export function webManifest(options: WebManifestOptions): string {
  const manifest = {
    name: options.name,
    short_name: options.name.length > 12 ? options.name.slice(0, 12) : options.name,
    start_url: "./",
    scope: "./",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: options.themeColor,
    icons: icons.map((icon) => ({ src: `${options.iconDir}${icon.file}`, sizes: icon.sizes, type: "image/png", purpose: "any" })),
  };
  return JSON.stringify(manifest, null, 2) + "\n";
}
