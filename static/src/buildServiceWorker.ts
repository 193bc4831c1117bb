import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { injectManifest } from "workbox-build";

export interface ServiceWorkerResult {
  /** The service worker's file name in the site. */
  file: string;
  /** Files the service worker precaches, and their bytes. */
  count: number;
  size: number;
  warnings: string[];
}

/** What a visit may need offline: the page, scripts, styles, the manifest, icons and fonts (woff2; no browser that runs the app uses the .woff fallbacks). */
const PRECACHED = ["index.html", "**/*.{js,css,webmanifest,png,svg,ico,json,woff2}"];

/**
 * Writes the site's service worker: serviceWorker.ts bundled by Vite (one classic script, the
 * Workbox modules inlined, nothing fetched from a CDN), then workbox-build's `injectManifest`
 * lists the site's files, with revisions, in its precache.
 */
export async function buildServiceWorker(outDir: string): Promise<ServiceWorkerResult> {
  const scratch = mkdtempSync(join(tmpdir(), "weft-sw-"));
  try {
    await build({
      configFile: false,
      envFile: false,
      logLevel: "silent",
      publicDir: false,
      mode: "production",
      define: { "process.env.NODE_ENV": JSON.stringify("production") },
      build: {
        outDir: scratch,
        emptyOutDir: false,
        copyPublicDir: false,
        target: "es2020",
        minify: true,
        reportCompressedSize: false,
        lib: { entry: fileURLToPath(import.meta.resolve("@weft/static/service-worker")), formats: ["iife"], name: "weftServiceWorker", fileName: () => "sw.js" },
      },
    });
    const { count, size, warnings } = await injectManifest({
      swSrc: join(scratch, "sw.js"),
      swDest: join(outDir, "sw.js"),
      globDirectory: outDir,
      globPatterns: PRECACHED,
      globIgnores: ["sw.js", "404.html"],
      // Hashed file names change with their content: no need for a revision query.
      dontCacheBustURLsMatching: /-[\w-]{8,}\.\w+$/,
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    });
    return { file: "sw.js", count, size, warnings };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
