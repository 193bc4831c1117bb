import { expect, test } from "@playwright/test";
import { useWeft } from "../support/useWeft.ts";
import { key } from "../support/locators.ts";

test.describe("routing (examples/routing.ts)", () => {
  const app = useWeft("run", ["examples/routing.ts"]);

  test("a deep link opens its view directly", async ({ page }) => {
    await page.goto(app.url + "items/3");
    await expect(key(page, "item-name")).toHaveText("Cheese");
    expect(new URL(page.url()).pathname).toBe("/items/3");
  });

  test("page.go updates the address bar, and back/forward arrive as route changes", async ({ page }) => {
    await page.goto(app.url);
    await key(page, "item-2").click();
    await expect(key(page, "item-name")).toHaveText("Bread");
    await expect(page).toHaveURL(/\/items\/2$/);
    await page.goBack();
    await expect(key(page, "title")).toHaveText("Shop");
    await expect(key(page, "item-name")).toHaveCount(0);
    await expect(page).toHaveURL(/\/$/);
    await page.goForward();
    await expect(key(page, "item-name")).toHaveText("Bread");
    await expect(page.locator('[data-weft-banner="error"]')).toHaveCount(0);
  });

  test("a refresh on a route keeps that route", async ({ page }) => {
    await page.goto(app.url);
    await key(page, "about").click();
    await expect(key(page, "about-text")).toBeVisible();
    await page.reload();
    await expect(key(page, "about-text")).toBeVisible();
  });
});

test.describe("chat (examples/chat.ts)", () => {
  const app = useWeft("run", ["examples/chat.ts"]);

  test("two browsers chat through pubsub", async ({ browser }) => {
    const ada = await (await browser.newContext()).newPage();
    const bob = await (await browser.newContext()).newPage();
    for (const [page, name] of [[ada, "Ada"], [bob, "Bob"]] as const) {
      await page.goto(app.url);
      await key(page, "name").locator("input").fill(name);
      await key(page, "join").click();
      await expect(key(page, "draft").locator("input")).toBeEnabled();
    }
    await key(ada, "draft").locator("input").fill("hi Bob");
    await key(ada, "draft").locator("input").press("Enter");
    await expect(key(bob, "message")).toHaveText(["Ada: hi Bob"]);
    await key(bob, "draft").locator("input").fill("hi Ada");
    await key(bob, "send").click();
    await expect(key(ada, "message")).toHaveText(["Ada: hi Bob", "Bob: hi Ada"]);
    await expect(key(ada, "joined").last()).toHaveText("Bob has joined the chat.");
    await ada.context().close();
    await bob.context().close();
  });
});

test.describe("clientStorage (test/fixtures/storage.ts)", () => {
  const app = useWeft("run", ["test/fixtures/storage.ts"]);

  test("a value saved in the browser survives a reload and a new session", async ({ page }) => {
    await page.goto(app.url);
    await expect(key(page, "saved")).toHaveText("nothing saved");
    await key(page, "note").locator("input").fill("buy milk");
    await key(page, "save").click();
    await expect(key(page, "saved")).toHaveText("saved: buy milk");
    expect(await page.evaluate(() => localStorage.getItem("note"))).toBe('"buy milk"');
    // a new session (sessionStorage cleared): main reads the value back from the browser
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await expect(key(page, "saved")).toHaveText("restored: buy milk");
  });
});
