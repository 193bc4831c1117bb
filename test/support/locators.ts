import type { Page } from "@playwright/test";

/** The control with this key in the app page: the renderer marks its outermost element `data-weft-key`. */
export const key = (page: Page, k: string) => page.locator(`[data-weft-key="${k}"]`);
