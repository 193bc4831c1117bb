/**
 * Draws weft's versions of screens of Flet's tutorials beside Flet's own screenshots, for
 * docs/look.md:
 *
 *   npm run build && node --import tsx scripts/look-screenshots.ts <path to a flet-dev/flet checkout>
 *
 * Each weft screen (test/fixtures/look/screens/) is shot in Debian's Chromium at the size of
 * Flet's window, then composed with Flet's PNG on one page and written to
 * docs/media/look-<name>.png (through pngquant when it is installed, to keep the docs small).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import type { AppMain } from "weft";
import { createWeftServer } from "weft/server";

interface Screen {
  name: string;
  /** Flet's screenshot, under sdk/python/examples/tutorials/. */
  flet: string;
  app: string;
  /** Flet's screenshots are Windows windows at 200 %: their title bar is cut off, the rest halved. */
  titleBar: number;
}

const screens: Screen[] = [
  { name: "calculator", flet: "calculator/media/app.png", app: "calculator.ts", titleBar: 58 },
  { name: "todo", flet: "todo/media/app-4.png", app: "todo.ts", titleBar: 58 },
  { name: "chat", flet: "chat/media/chat-1.png", app: "chat.ts", titleBar: 58 },
];

const root = fileURLToPath(new URL("..", import.meta.url));
const flet = process.argv[2];
if (!flet) {
  console.error("usage: node --import tsx scripts/look-screenshots.ts <flet checkout>");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const screen of screens) {
    const fletPng = readFileSync(join(flet, "sdk/python/examples/tutorials", screen.flet));
    const width = fletPng.readUInt32BE(16) / 2;
    const height = (fletPng.readUInt32BE(20) - screen.titleBar) / 2;
    const mod = (await import(join(root, "test/fixtures/look/screens", screen.app))) as { default: AppMain };
    const server = await createWeftServer({ main: mod.default, port: 0 });
    const page = await browser.newPage({ viewport: { width: Math.round(width), height: Math.round(height) }, colorScheme: "light" });
    await page.goto(server.url);
    await page.locator("[data-weft-type=View]").waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.waitForLoadState("networkidle");
    const weftPng = await page.screenshot();
    await page.close();
    await server.close();

    const compose = await browser.newPage({ viewport: { width: Math.round(width * 2 + 48), height: 100 } });
    await compose.setContent(`<!doctype html><style>
      body { margin: 0; padding: 12px; display: flex; gap: 24px; font: 13px/1.4 sans-serif; color: #444; background: #fff; }
      figure { margin: 0; } img { display: block; width: ${width}px; outline: 1px solid #ccc; }
      figcaption { padding: 0 0 6px; }</style>
      <figure><figcaption>Flet (${screen.flet}, Windows desktop)</figcaption>
        <img style="height:${height}px;object-fit:cover;object-position:bottom" src="data:image/png;base64,${fletPng.toString("base64")}"></figure>
      <figure><figcaption>weft (Chromium)</figcaption><img src="data:image/png;base64,${weftPng.toString("base64")}"></figure>`);
    const out = join(root, "docs/media", `look-${screen.name}.png`);
    await compose.screenshot({ path: out, fullPage: true });
    await compose.close();
    if (existsSync("/usr/bin/pngquant")) execFileSync("/usr/bin/pngquant", ["--force", "--skip-if-larger", "--quality=60-90", "--output", out, out]);
    console.log(`wrote ${out} (${(readFileSync(out).length / 1024).toFixed(0)} kB)`);
  }
} finally {
  await browser.close();
}
