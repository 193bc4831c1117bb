import { expect, type Page } from "@playwright/test";

/** Opens `route` of the app at `base` and waits for its view to be drawn. */
export async function openRoute(page: Page, base: string, route: string): Promise<void> {
  await page.goto(new URL(route, base).href);
  await expect(page.locator("[data-weft-type=View]")).toBeVisible();
}
