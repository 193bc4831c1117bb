import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { firstFrameChunk } from "./scripts/firstFrameChunk.ts";
import { preloadChunksOf } from "./scripts/preloadChunksOf.ts";
import { woff2Only } from "./scripts/woff2Only.ts";

/**
 * Builds the renderer into `dist/`. The weft server serves `dist/index.html` for every path
 * that is not an asset, so assets live under `_weft/` where they cannot collide with an app's
 * routes. URLs are relative (base "./"): the page's `<base href>` (index.html) anchors them, so
 * deep links like `/todo/3` load, and one build serves at `/`, under a mount and in a static
 * build at any `--base`; chunks and fonts resolve from the file that asks for them.
 */
const firstFrame = firstFrameChunk("src/mountApp.tsx");

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  // The entry (main.tsx) starts the session's link, then imports React and the controls: the page
  // fetches that chunk at once, beside the entry, instead of after the entry ran.
  plugins: [react(), preloadChunksOf("src/mountApp.tsx"), woff2Only(), firstFrame.plugin],
  build: {
    outDir: "dist",
    assetsDir: "_weft",
    emptyOutDir: true,
    target: "es2022",
    // Fonts stay files: a face inlined into the CSS would be downloaded by every page, used or not.
    assetsInlineLimit: (file) => (/\.woff2?$/.test(file) ? false : undefined),
    rolldownOptions: { output: { codeSplitting: { groups: [firstFrame.group] } } },
  },
  server: {
    // `npm run dev --workspace @weft/renderer` against a running `weft run` (default port).
    proxy: { "/ws": { target: "ws://127.0.0.1:8550", ws: true } },
  },
});
