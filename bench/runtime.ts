import type { Page as BrowserPage } from "playwright-core";
import { launchBenchChromium } from "./chromium.ts";
import { Column, Container, Image, Row, Text, type Page } from "weft";
import { Connection, createWeftServer, SessionManager } from "weft/server";
import { PROTOCOL_VERSION } from "@weft/protocol";
import { fmt, summarize, table } from "./stats.ts";

/**
 * Runtime figures, side by side in one run:
 *  1. server cost of one prop change + update on pages of 40 and 4,000 controls (Flet's #6270
 *     case: a grid of Container(Image) and one Text that changes);
 *  2. bytes and time to send the first 4,000-control page;
 *  3. click → DOM-updated latency in Chromium.
 */
export async function run(): Promise<void> {
  console.log("\n## Runtime\n");
  await propChange();
  await firstPage();
  await clickLatency();
}

/** A 1×1 GIF, so the page's images cost no requests. */
const PIXEL = "data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAA=";

/**
 * Flet's benchmark page: a label and a wrapping grid of `cells` Container(Image). Each image has
 * an alt text of its own unless `alt: false` (Flet's #6270 page has none).
 */
export function grid(cells: number, options: { alt?: boolean } = {}) {
  return (page: Page) => {
    const label = new Text({ value: "0", key: "label" });
    const tiles = Array.from(
      { length: cells / 2 },
      (_, i) => new Container({ width: 40, height: 40, content: new Image({ src: PIXEL, ...(options.alt === false ? {} : { alt: `tile ${i}` }), width: 32 }) }),
    );
    page.add(new Column([label, new Row(tiles, { wrap: true })]));
  };
}

/** A session on a discarding transport: the server does all its work (diff + JSON), nothing is drawn. */
function serverOnlySession(main: (page: Page) => void) {
  const manager = new SessionManager(main);
  let bytes = 0;
  let frames = 0;
  const connection = new Connection(manager, { send: (text) => ((bytes += text.length), frames++), close() {} }, { ip: "127.0.0.1" });
  const t0 = performance.now();
  connection.receive(JSON.stringify({ type: "register", protocol: PROTOCOL_VERSION, client: { route: "/" } }));
  const registerMs = performance.now() - t0;
  return { session: connection.session!, registerMs, bytes: () => bytes, frames: () => frames };
}

async function propChange() {
  const rows = [["page size", "p50 / change", "p95", "ratio to 40"]];
  let base = 0;
  for (const size of [40, 4000]) {
    const { session } = serverOnlySession(grid(size));
    const label = (session.page.controls[0] as Column).controls[0] as Text;
    const samples: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const t0 = performance.now();
      label.value = String(i);
      session.page.update();
      samples.push(performance.now() - t0);
    }
    const s = summarize(samples.slice(500)); // after warm-up
    if (size === 40) base = s.p50;
    rows.push([`${size} controls`, fmt(s.p50), fmt(s.p95), (s.p50 / base).toFixed(2)]);
  }
  console.log("One prop change + page.update(), server side (diff + JSON + send), 2,500 samples each:");
  table(rows);
  console.log("  (Flet 1.0: 254 ms at 4,000 controls, flet issue #6270; goal ≤ 1 ms and ratio ≤ 2)\n");
}

async function firstPage() {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 20; i++) {
    const s = serverOnlySession(grid(4000));
    samples.push(s.registerMs);
    bytes = s.bytes();
    s.session.close("bench");
  }
  const s = summarize(samples.slice(5));
  console.log(`First page of 4,000 controls (main + serialize + JSON), server side: p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}, ${(bytes / 1024).toFixed(0)} KiB`);
  console.log("  (Flet 1.0 adding 4,000: 1.3 s and ~900 KB)");

  const server = await createWeftServer({ main: grid(4000), port: 0 });
  const browser = await launch();
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      times.push(await loadGrid(page, server.url, 2000));
      await page.close();
    }
    const b = summarize(times.slice(1));
    console.log(`  in Chromium, navigation → 4,000 controls drawn: p50 ${fmt(b.p50)} (5 loads)\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function clickLatency() {
  const server = await createWeftServer({ main: (await import("@weft/examples/counter.ts")).default, port: 0 });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    const samples = await clickToDom(page, 300);
    const s = summarize(samples.slice(50));
    console.log(`Click → DOM updated in Chromium (counter, loopback, 250 clicks): p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}  (goal p50 ≤ 5 ms)\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Opens `url` (a `grid()` app) in `page`; resolves with the ms until its `images` images are drawn. */
export async function loadGrid(page: BrowserPage, url: string, images: number): Promise<number> {
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction((n) => document.querySelectorAll('[data-weft-type="Image"]').length === n, images);
  return Date.now() - t0;
}

/**
 * Clicks the counter's `inc` button `clicks` times inside the page, each once the previous
 * click's new count is in the DOM; resolves with each click → DOM-updated time (ms).
 */
export async function clickToDom(page: BrowserPage, clicks: number): Promise<number[]> {
  await page.waitForSelector('[data-weft-key="count"]');
  return page.evaluate(async (clicks) => {
    const button = document.querySelector<HTMLButtonElement>('[data-weft-key="inc"]')!;
    const out: number[] = [];
    for (let i = 0; i < clicks; i++) {
      const count = document.querySelector('[data-weft-key="count"]')!;
      const before = count.textContent;
      const done = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector('[data-weft-key="count"]')!.textContent !== before) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const t0 = performance.now();
      button.click();
      out.push((await done) - t0);
    }
    return out;
  }, clicks);
}

export function launch() {
  return launchBenchChromium();
}
