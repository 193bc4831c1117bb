import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import type { AppMain } from "weft";
import { createWeftServer } from "weft/server";
import counter from "@weft/examples/counter.ts";
import { Icon, Text } from "weft";
import { launchBenchChromium } from "./chromium.ts";
import { table } from "./stats.ts";

/**
 * What a tab downloads before the app is on screen: every response of the first load, raw and
 * gzipped (what a static host or a compressing proxy sends; fonts are woff2 and do not shrink).
 * The counter must not fetch an icon font; an app that shows one icon fetches exactly one.
 */
const apps: [string, AppMain][] = [
  ["counter", counter],
  [
    "one icon",
    (page) => {
      page.add(new Icon({ name: "favorite" }), new Text("one icon"));
    },
  ],
];

export async function run(): Promise<void> {
  console.log("\nfirst load (renderer dist, Chromium, every response of the page)");
  const browser = await launchBenchChromium();
  try {
    const rows: string[][] = [["app", "kind", "files", "raw", "gzip"]];
    for (const [name, main] of apps) {
      const server = await createWeftServer({ main, port: 0 });
      const page = await browser.newPage();
      const bodies: { kind: string; bytes: Buffer }[] = [];
      page.on("response", (response) => {
        const url = new URL(response.url());
        if (url.protocol !== "http:") return;
        bodies.push({ kind: kindOf(url.pathname), bytes: Buffer.alloc(0) });
        const entry = bodies[bodies.length - 1]!;
        response.body().then((b) => (entry.bytes = b), () => {});
      });
      await page.goto(server.url);
      await page.locator("[data-weft-type=Text]").first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      await page.waitForLoadState("networkidle");
      const byKind = new Map<string, { n: number; raw: number; gz: number }>();
      for (const { kind, bytes } of bodies) {
        const sum = byKind.get(kind) ?? { n: 0, raw: 0, gz: 0 };
        sum.n++;
        sum.raw += bytes.length;
        sum.gz += kind.startsWith("font") ? bytes.length : gzipSync(bytes, { level: 9 }).length;
        byKind.set(kind, sum);
      }
      const total = { n: 0, raw: 0, gz: 0 };
      for (const [kind, s] of [...byKind].sort()) {
        rows.push([name, kind, String(s.n), kb(s.raw), kb(s.gz)]);
        total.n += s.n;
        total.raw += s.raw;
        total.gz += s.gz;
      }
      rows.push([name, "total", String(total.n), kb(total.raw), kb(total.gz)]);
      await page.close();
      await server.close();
    }
    table(rows);
  } finally {
    await browser.close();
  }
}

function kindOf(pathname: string): string {
  if (/\.woff2?$/.test(pathname)) return /icons|Framework7/i.test(pathname) ? "font (icons)" : "font (text)";
  if (pathname.endsWith(".js")) return "js";
  if (pathname.endsWith(".css")) return "css";
  return "html";
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

// `node --import tsx bench/firstLoad.ts` runs this section alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
