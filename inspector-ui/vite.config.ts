import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * Builds the inspector into `dist/`, which `weft dev`'s channel server serves at the printed
 * `Inspector:` URL (devserver/src/inspectorPage.ts finds it). Asset URLs are relative, so the
 * page works whatever path the server mounts it at.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 800,
  },
});
