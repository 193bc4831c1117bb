import type { Plugin } from "vite";

/** A `src` entry of a WOFF file after the WOFF2 one, as fontsource writes each face. */
const WOFF_FALLBACK = /,\s*url\([^)]*\.woff\)\s*format\(["']woff["']\)/g;

/** `css` with each face's WOFF fallback taken out, so only the WOFF2 file is referenced. */
export function dropWoffFallbacks(css: string): string {
  return css.replace(WOFF_FALLBACK, "");
}

/**
 * Fontsource's faces name a WOFF file after the WOFF2 one, for browsers older than any that runs
 * the renderer's ES2022 (every one of those reads WOFF2). The fallbacks cost every page's CSS
 * 0.4 kB gzipped, and the renderer's build and every static site 36 files (425 kB) no browser
 * asks for (the static build's service worker already left them out of its cache).
 */
export function woff2Only(): Plugin {
  return {
    name: "weft:woff2-only",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]@fontsource[\\/][^?]*\.css(\?|$)/.test(id)) return null;
      return { code: dropWoffFallbacks(code), map: null };
    },
  };
}
