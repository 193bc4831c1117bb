import type { Browser, Page } from "playwright-core";
import { browserSettled } from "./processCpu.ts";

/** The renderer's marks (main.tsx, mountApp.tsx) and the browser's, in a load's breakdown, in the order they come. */
export const MARKS = { "nav:html": "HTML in", "nav:asked": "stylesheet asked", "nav:css": "stylesheet in", "nav:entry": "entry script in", "weft:boot": "entry runs", "weft:registered": "page message", "weft:mounted": "React ran" } as const;
export type Mark = keyof typeof MARKS;

export interface ColdLoad {
  /** Navigation → the frame after the app's first control is in the DOM. */
  paint: number;
  marks: Partial<Record<Mark, number>>;
}

/**
 * One cold load of `url` in a fresh context (no HTTP cache, no service worker), started once the
 * browser has settled after opening it (browserSettled), timed from the navigation to the frame after the control keyed `shown` enters the DOM: what the user first
 * sees. The tab reports it through a binding: polling for it (waitForFunction) would run
 * Playwright's own script in the tab while the app still starts, and delay what is measured.
 * `observe` runs on the page before it loads (the static bench counts the bytes that way, on a
 * load of its own, since reading bodies over the DevTools protocol costs the tab's cores), and
 * `beforeNavigation` just before the navigation starts (the new tab's process is running), and
 * `settle: false` skips the wait for the browser (a trace that should show the window's start too).
 */
export async function coldLoad(
  browser: Browser,
  url: string,
  shown: string,
  observe?: (page: Page) => void,
  beforeNavigation?: (page: Page) => void | Promise<void>,
  { settle = true } = {},
): Promise<ColdLoad & { settled: () => Promise<void>; close: () => Promise<void> }> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  observe?.(page);
  let painted!: (load: { paint: number; marks: Record<string, number> }) => void;
  const reported = new Promise<{ paint: number; marks: Record<string, number> }>((resolve) => (painted = resolve));
  await page.exposeBinding("__weftBenchPainted", (_source, load: { paint: number; marks: Record<string, number> }) => painted(load));
  await page.addInitScript((selector: string) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const paint = performance.now();
        const marks: Record<string, number> = Object.fromEntries(performance.getEntriesByType("mark").map((mark) => [mark.name, mark.startTime]));
        // The page's HTML arrived: what comes before it is the browser's (a new tab's process, the request).
        const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
        if (navigation) marks["nav:html"] = navigation.responseEnd;
        // The stylesheet and the entry: a module script runs only once both are in.
        const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
        const css = resources.find((entry) => entry.name.endsWith(".css"));
        const entry = resources.find((entry) => entry.initiatorType === "script" && entry.name.includes("/_weft/index-"));
        if (css) {
          // Asked: when the tab parsed the page's head (a new tab's renderer starts first).
          marks["nav:asked"] = css.requestStart || css.fetchStart;
          marks["nav:css"] = css.responseEnd;
        }
        if (entry) marks["nav:entry"] = entry.responseEnd;
        void (window as unknown as { __weftBenchPainted: (load: unknown) => Promise<void> }).__weftBenchPainted({ paint, marks });
      });
    });
    observer.observe(document, { subtree: true, childList: true });
  }, `[data-weft-key="${shown}"]`);
  // From a browser that is done opening the window (processCpu.ts): the new tab's own process
  // still starts with the navigation, with an empty cache.
  if (settle) await browserSettled();
  await beforeNavigation?.(page);
  await page.goto(url, { waitUntil: "commit" });
  const load = await reported;
  const marks: Partial<Record<Mark, number>> = {};
  for (const mark of Object.keys(MARKS) as Mark[]) if (load.marks[mark] !== undefined) marks[mark] = load.marks[mark];
  return {
    paint: load.paint,
    marks,
    /** Once the page's fonts are in too (what a first load downloads goes on after the paint). */
    settled: () => page.evaluate(() => document.fonts.ready).then(() => {}),
    close: () => context.close(),
  };
}
