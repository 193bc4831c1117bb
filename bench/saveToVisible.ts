import type { Page } from "playwright-core";

export interface SaveToVisibleOptions {
  /** The element whose text the edit changes. */
  selector: string;
  edits: number;
  /** Writes the source so that the element will show `label`. */
  write(label: string): void;
  /** Pause between edits, as a person saves (and beyond chokidar's 50 ms per-file window). */
  pauseMs: number;
  timeoutMs?: number;
}

/**
 * Save → visible, measured the same way for every contender (weft dev, Vite + Fast Refresh, a
 * plain restart): a MutationObserver in the page stamps the moment the element shows the new
 * label, on the same clock (`timeOrigin + now`) as the write in this process. Returns ms per edit.
 */
export async function saveToVisible(page: Page, options: SaveToVisibleOptions): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < options.edits; i++) {
    const label = `plus ${i}`;
    await page.evaluate(
      ({ want, selector }) => {
        const w = window as unknown as { __want: string; __seen: number | null; __observer?: MutationObserver };
        w.__want = want;
        w.__seen = null;
        // On the body, not the element: a reconnect after a restart draws the page anew.
        w.__observer ??= new MutationObserver(() => {
          const el = document.querySelector(selector);
          if (el && el.textContent === w.__want && w.__seen === null) w.__seen = performance.timeOrigin + performance.now();
        });
        w.__observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      },
      { want: label, selector: options.selector },
    );
    const t0 = performance.timeOrigin + performance.now();
    options.write(label);
    const seen = await page.waitForFunction(() => (window as unknown as { __seen: number | null }).__seen, undefined, {
      polling: 5,
      timeout: options.timeoutMs ?? 10_000,
    });
    samples.push(((await seen.jsonValue()) as number) - t0);
    await new Promise((r) => setTimeout(r, options.pauseMs));
  }
  return samples;
}
