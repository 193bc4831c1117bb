import type { Page } from "@playwright/test";

/** The control with this key in the app page (CONTRACT §3: `data-weft-key`). */
export const key = (page: Page, k: string) => page.locator(`[data-weft-key="${k}"]`);
