import { expect, test } from "@playwright/test";
import { useWeft } from "../support/useWeft.ts";
import { key } from "../support/locators.ts";

const app = "test/fixtures/hardening/misbehaving.ts";

test.describe("weft run: what end users see of an app's errors", () => {
  const weft = useWeft("run", [app]);

  test("a handler's exception shows a short message and a reference; the server log has the rest", async ({ page }) => {
    await page.goto(weft.url);
    await key(page, "fail").click();
    const banner = page.locator('[data-weft-banner="error"]');
    await expect(banner).toContainText(/reference [\w-]{8}/);
    await expect(banner).not.toContainText("4242");
    const ref = /reference ([\w-]{8})/.exec((await banner.textContent()) ?? "")![1]!;
    await expect.poll(() => weft.output()).toMatch(new RegExp(`${ref}[\\s\\S]*the secret detail 4242`));
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("1");
  });

  test("a stray rejection and a throw in a timer show in the tab that caused them, and the app keeps working", async ({ page, context }) => {
    const other = await context.newPage();
    await other.goto(weft.url);
    await page.goto(weft.url);
    await key(page, "reject").click();
    await key(page, "timer").click();
    await expect(page.locator('[data-weft-banner="error"]')).toHaveCount(2);
    await expect(other.locator('[data-weft-banner="error"]')).toHaveCount(0);
    await key(other, "inc").click();
    await expect(key(other, "count")).toHaveText("1");
  });

  test("a component that re-renders forever is stopped and reported; the page stays usable", async ({ page }) => {
    await page.goto(`${weft.url}loop`);
    await expect(page.locator('[data-weft-banner="error"]')).toContainText(/render of RenderLoop#\d+ failed/);
    await expect(key(page, "loop")).toHaveText(/rendered \d+ times/);
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("1");
  });
});

test.describe("weft dev: what the developer sees", () => {
  const weft = useWeft("dev", [app]);

  test("the whole message of a handler's exception, and of a render loop", async ({ page, context }) => {
    await page.goto(weft.url);
    await key(page, "fail").click();
    await expect(page.locator('[data-weft-banner="error"]')).toContainText("the secret detail 4242");
    const looping = await context.newPage(); // a new tab: a new session, whose main sees /loop
    await looping.goto(`${weft.url}loop`);
    await expect(looping.locator('[data-weft-banner="error"]')).toContainText("Too many re-renders");
  });
});
