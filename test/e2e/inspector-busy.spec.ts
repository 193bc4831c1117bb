import { expect, test, type Page, type WebSocket } from "@playwright/test";
import { startWeft, type WeftProcess } from "../support/weftProcess.ts";
import { key } from "../support/locators.ts";

/**
 * The inspector on a session that makes hundreds of events at once: the devserver sends a busy
 * frame's newest rows and the rest as a range (`watch { thin }`), and the inspector fills the
 * range from the app when a view needs it. The count stays right, scrolling up shows the older
 * rows (and says which the app no longer keeps), a filter finds a row that came in a range.
 */
const APP = "test/fixtures/inspector/inspectedApp.ts";
const CLICKS = 400;

let weft: WeftProcess;
test.beforeAll(async () => {
  weft = await startWeft("dev", [APP]);
});
test.afterAll(async () => {
  await weft?.stop();
});

/** What the inspector's channel brought: the seqs of rows that came in full, and the ranges left out. */
function watchChannel(ws: WebSocket) {
  const full = new Map<number, { kind: string; preview: string }>();
  const skipped: [number, number][] = [];
  /** The seqs of the chains that came in full. */
  const chains = new Set<number>();
  ws.on("framereceived", ({ payload }) => {
    if (typeof payload !== "string" || !(payload.includes('"rows"') || payload.includes('"chains"'))) return;
    for (const m of JSON.parse(payload) as { type: string; rows?: [number, string, string, number, number, string][]; chains?: [number][]; skipped?: number[] }[]) {
      if (m.type === "chains") for (const c of m.chains!) chains.add(c[0]);
      if (m.type !== "rows") continue;
      for (const t of m.rows!) full.set(t[0], { kind: t[2], preview: t[5] });
      if (m.skipped) skipped.push([m.skipped[0]!, m.skipped[1]!]);
    }
  });
  return { full, skipped, chains };
}

async function open(page: Page, inspector: Page) {
  await page.goto(weft.url);
  await expect(key(page, "count")).toHaveText("0");
  const sessionId = await page.evaluate(() => sessionStorage.getItem("weft:session"));
  const channel = new Promise<ReturnType<typeof watchChannel>>((resolve) => inspector.on("websocket", (ws) => resolve(watchChannel(ws))));
  await inspector.goto(weft.urls.Inspector!);
  await inspector.locator(`[data-testid="session"][data-session-id="${sessionId}"]`).click();
  return channel;
}

test("a burst of hundreds of events: the count is right, scrolling up shows the older rows, a filter finds a row from a left-out range", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  const app = await context.newPage();
  const inspector = await context.newPage();
  const channel = await open(app, inspector);
  await expect(inspector.locator('[data-testid="message-row"]').first()).toBeVisible();

  // Hundreds of clicks in one task: the server handles them as fast as it can.
  const burst = async (clicks: number, total: number) => {
    await app.evaluate((n) => {
      const button = document.querySelector<HTMLElement>('[data-weft-key="inc"] button, [data-weft-key="inc"]')!;
      for (let i = 0; i < n; i++) button.click();
    }, clicks);
    await expect(key(app, "count")).toHaveText(String(total));
  };
  await burst(CLICKS, CLICKS);

  // The devserver left rows out (a busy spell), and the count is every row's: with the
  // devtools' own frames shown, the newest row's seq (a session's rows are numbered from 1).
  await expect.poll(() => channel.skipped.length).toBeGreaterThan(0);
  await inspector.getByLabel("devtools").check();
  const totals = inspector.getByTestId("message-totals");
  const lastSeq = async () => Number(await inspector.locator('[data-testid="message-row"]').last().getAttribute("data-seq"));
  // The tab's last timing report is the session's last row (and the newest of its frame: it comes in full).
  await expect.poll(() => [...channel.full.values()].some((r) => r.kind === "timing" && r.preview.includes(`"seq":${CLICKS},`))).toBe(true);
  const shownCount = async () => Number((await totals.textContent())!.match(/^([\d,]+) msgs/)![1]!.replace(/,/g, ""));
  await expect.poll(async () => (await shownCount()) - (await lastSeq())).toBe(0);
  expect(await lastSeq()).toBeGreaterThan(2 * CLICKS);

  // Scrolling up and walking down the list: each gap drawn is filled, so the rows left out are
  // drawn; the oldest part of the burst, which the app no longer keeps (its newest 500 frames), says so.
  const list = inspector.locator(".msgs-rows");
  await list.evaluate((el) => (el.scrollTop = 0));
  const waiting = inspector.locator('[data-testid="message-gap"][data-kept="true"]');
  const gone = inspector.locator('[data-testid="message-gap"][data-kept="false"]');
  const drawn = new Set<number>();
  const openGaps = inspector.locator(".msgs-list");
  // Walks the list from the top to its end, calling `look` at every screenful.
  const walk = async (look: () => Promise<boolean | void>) => {
    await list.evaluate((el) => (el.scrollTop = 0));
    for (let step = 0; step < 400; step++) {
      await expect(waiting).toHaveCount(0);
      if ((await look()) === true) return;
      const atEnd = await list.evaluate((el) => {
        el.scrollTop += el.clientHeight;
        return el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      });
      if (atEnd) return;
    }
  };
  await walk(async () => {
    for (const seq of await inspector.locator('[data-testid="message-row"]').evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.seq)))) drawn.add(seq);
  });
  await expect(openGaps).toHaveAttribute("data-open-gaps", "0");
  // Every gap filled, the list holds still: walking it again finds what the app no longer kept, said so.
  let sawGone = false;
  await walk(async () => {
    if ((await gone.count()) === 0) return false;
    await expect(gone.first()).toContainText("older messages not kept");
    return (sawGone = true);
  });
  expect(sawGone).toBe(true);
  const leftOut = [...drawn].filter((seq) => !channel.full.has(seq) && channel.skipped.some(([from, to]) => seq >= from && seq <= to));
  expect(leftOut.length).toBeGreaterThan(100);

  // Another burst, the list following its tail; then a filter must find a row of a range no view drew:
  // the tab's timing report of an event (one per click, numbered, after the events) that no full row had.
  channel.full.clear();
  channel.skipped.length = 0;
  channel.chains.clear();
  // 150 clicks: 450 rows, all of them still kept by the app (its newest 500 frames).
  const AGAIN = 150;
  const firstOfBurst = await lastSeq();
  const total = CLICKS + AGAIN;
  await burst(AGAIN, total);
  await expect.poll(() => channel.skipped.length).toBeGreaterThan(0);
  // The last report is the newest row of its frame, so it comes in full: after it, nothing more comes.
  await expect.poll(() => [...channel.full.values()].some((r) => r.kind === "timing" && r.preview.includes(`"seq":${total},`))).toBe(true);
  const fullTimings = new Set<number>();
  for (const r of channel.full.values()) if (r.kind === "timing") fullTimings.add(Number(/"seq":(\d+)/.exec(r.preview)![1]));
  const missing = Array.from({ length: AGAIN }, (_, i) => CLICKS + i + 1).filter((n) => !fullTimings.has(n));
  expect(missing.length).toBeGreaterThan(0);
  const n = missing[Math.floor(missing.length / 2)]!;
  await inspector.getByPlaceholder("Filter: action, control (Button#inc), text").fill(`"type":"timing","seq":${n},`);
  const found = inspector.locator('[data-testid="message-row"]');
  await expect(found).toHaveCount(1);
  await expect(found).toHaveAttribute("data-kind", "timing");
  const seq = Number(await found.getAttribute("data-seq"));
  expect(channel.full.has(seq)).toBe(false);
  expect(channel.skipped.some(([from, to]) => seq >= from && seq <= to)).toBe(true);

  // An event row of the burst the app still keeps, whose causal chain the channel left out: it opens that chain.
  await inspector.getByPlaceholder("Filter: action, control (Button#inc), text").fill('"name":"click"');
  await expect(found.first()).toBeVisible();
  await expect(openGaps).toHaveAttribute("data-open-gaps", "0");
  let thinned: number | undefined;
  await walk(async () => {
    const events = await found.evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.seq)));
    thinned = events.find((seq) => seq > firstOfBurst && !channel.chains.has(seq));
    return thinned !== undefined;
  });
  expect(thinned).toBeDefined();
  await inspector.locator(`[data-testid="message-row"][data-seq="${thinned}"]`).click();
  const chain = inspector.getByTestId("message-detail").getByTestId("causal-chain");
  await expect(chain).toBeVisible();
  await expect(chain).toContainText("Text#count");
  await context.close();
});

test("following the tail through a burst, the inspector fetches no left-out range: it shows none", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  const app = await context.newPage();
  const inspector = await context.newPage();
  /** The ranges the inspector asked the app for (`get-rows` with `fromSeq`: a gap being filled). */
  const fills: string[] = [];
  inspector.on("websocket", (ws) =>
    ws.on("framesent", ({ payload }) => {
      if (typeof payload === "string" && payload.includes('"get-rows"') && payload.includes('"fromSeq"')) fills.push(payload);
    }),
  );
  const channel = await open(app, inspector);
  await expect(inspector.locator('[data-testid="message-row"]').first()).toBeVisible();
  // The devtools' own frames shown: a frame's newest 64 rows are then all drawn, and its gap is
  // above the window. (Hidden, a frame whose newest rows are mostly the tab's timing reports
  // leaves its gap in view, and filling it is right.)
  await inspector.getByLabel("devtools").check();
  for (let round = 1; round <= 3; round++) {
    await app.evaluate((n) => {
      const button = document.querySelector<HTMLElement>('[data-weft-key="inc"] button, [data-weft-key="inc"]')!;
      for (let i = 0; i < n; i++) button.click();
    }, CLICKS);
    await expect(key(app, "count")).toHaveText(String(round * CLICKS));
  }
  await expect.poll(() => channel.skipped.length).toBeGreaterThan(2);
  // The tab's last timing report has come (the session's last row, in full).
  await expect.poll(() => [...channel.full.values()].some((r) => r.kind === "timing" && r.preview.includes(`"seq":${3 * CLICKS},`))).toBe(true);
  // The list follows the newest rows, which came in full; the ranges stay gaps until scrolled to.
  const newest = Math.max(...channel.full.keys());
  await expect(inspector.locator(`[data-testid="message-row"][data-seq="${newest}"]`)).toBeVisible();
  await expect.poll(() => inspector.locator(".msgs-list").getAttribute("data-open-gaps").then(Number)).toBeGreaterThan(2);
  expect(fills).toEqual([]);
  await context.close();
});
