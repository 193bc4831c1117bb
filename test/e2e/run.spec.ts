import { expect, test, type Page } from "@playwright/test";
import { WebSocket } from "ws";
import { useWeft } from "../support/useWeft.ts";
import { key } from "../support/locators.ts";

test.describe("weft run examples/counter.ts", () => {
  const app = useWeft("run", ["examples/counter.ts"]);

  test("draws the page with the contract's DOM markers and counts on click", async ({ page }) => {
    await page.goto(app.url);
    await expect(page).toHaveTitle("Counter");
    const count = key(page, "count");
    await expect(count).toHaveText("0");
    await expect(count).toHaveAttribute("data-weft-type", "Text");
    await expect(count).toHaveAttribute("data-weft-id", /^\d+$/);
    const inc = key(page, "inc");
    expect(await inc.evaluate((el) => el.tagName)).toBe("BUTTON");
    await inc.click();
    await inc.click();
    await inc.click();
    await key(page, "dec").click();
    await expect(count).toHaveText("2");
  });

  test("says the app could not be loaded when the renderer's React chunk does not arrive", async ({ page }) => {
    // The entry runs and opens the session's link; React and the controls are a chunk of their own.
    await page.route(/\/_weft\/mountApp-[\w-]+\.js$/, (route) => route.abort());
    await page.goto(app.url);
    await expect(page.locator("#root")).toHaveText("This app could not be loaded: reload the page.");
  });

  test("keeps the session across a refresh, and each tab has its own", async ({ page, context }) => {
    await page.goto(app.url);
    await key(page, "inc").click();
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("2");
    const sessionId = await page.evaluate(() => sessionStorage.getItem("weft:session"));
    expect(sessionId).toBeTruthy();
    await page.reload();
    await expect(key(page, "count")).toHaveText("2");
    expect(await page.evaluate(() => sessionStorage.getItem("weft:session"))).toBe(sessionId);

    const other = await context.newPage();
    await other.goto(app.url);
    await expect(key(other, "count")).toHaveText("0");
    await other.close();
  });

  test("reconnects after the socket drops and resumes the same session", async ({ page }) => {
    await page.goto(app.url);
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("1");
    const before = await page.evaluate(() => sessionStorage.getItem("weft:session"));
    // Drop the socket under the app, as a network blip would; the renderer reconnects by itself.
    const connects = () => page.evaluate(() => (window as any).__weft.connection.stats.connects as number);
    const first = await connects();
    await page.evaluate(() => (window as any).__weft.connection.ws.close(4999, "test drops the socket"));
    await expect.poll(connects, { timeout: 10_000 }).toBeGreaterThan(first);
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("2");
    expect(await page.evaluate(() => sessionStorage.getItem("weft:session"))).toBe(before);
  });

  test("a malformed frame closes only that connection, with a reason; other tabs carry on", async ({ page }) => {
    await page.goto(app.url);
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("1");

    const wsUrl = app.url.replace("http", "ws") + "ws";
    const closed = await new Promise<{ code: number; reason: string; error: unknown }>((resolve) => {
      const ws = new WebSocket(wsUrl);
      let error: unknown;
      ws.on("open", () => ws.send("{not json"));
      ws.on("message", (data) => (error = JSON.parse(String(data))));
      ws.on("close", (code, reason) => resolve({ code, reason: reason.toString(), error }));
    });
    expect(closed.code).toBe(4000);
    expect(closed.reason).toMatch(/frame is not JSON/);
    expect(closed.error).toMatchObject({ type: "error", code: "BAD_JSON" });

    const huge = await new Promise<number>((resolve) => {
      const ws = new WebSocket(wsUrl);
      ws.on("open", () => ws.send("x".repeat(2 * 1024 * 1024)));
      ws.on("close", (code) => resolve(code));
      ws.on("error", () => {});
    });
    expect(huge).toBe(1009);

    const foreignOrigin = await new Promise<number>((resolve) => {
      const ws = new WebSocket(wsUrl, { origin: "http://evil.example" });
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("open", () => resolve(101));
      ws.on("error", () => {});
    });
    expect(foreignOrigin).toBe(403);

    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("2");
  });

  test("a deep link loads the app", async ({ page }) => {
    await page.goto(app.url + "some/deep/link");
    await expect(key(page, "count")).toHaveText("0");
  });
});

test.describe("weft run examples/todo.ts", () => {
  const app = useWeft("run", ["examples/todo.ts"]);

  const labels = (page: Page) => page.locator('[data-weft-type="Checkbox"]:visible');

  test("adds, completes, filters, edits, deletes and clears tasks", async ({ page }) => {
    await page.goto(app.url);
    const input = key(page, "new-task").locator("input");
    for (const task of ["milk", "eggs", "bread"]) {
      await input.fill(task);
      await input.press("Enter");
      await expect(input).toHaveValue("");
    }
    await expect(labels(page)).toHaveText(["milk", "eggs", "bread"]);
    await expect(key(page, "items-left")).toHaveText("3 items left");

    await key(page, "todo-eggs").locator('input[type="checkbox"]').check();
    await expect(key(page, "items-left")).toHaveText("2 items left");
    await key(page, "filter-active").click();
    await expect(labels(page)).toHaveText(["milk", "bread"]);
    await key(page, "filter-completed").click();
    await expect(labels(page)).toHaveText(["eggs"]);
    await key(page, "filter-all").click();

    await key(page, "todo-milk").locator('[data-weft-key="edit"]').click();
    const edit = key(page, "todo-milk").locator('[data-weft-key="edit-name"] input');
    await edit.fill("oat milk");
    await key(page, "todo-milk").locator('[data-weft-key="save"]').click();
    await expect(labels(page)).toHaveText(["oat milk", "eggs", "bread"]);

    await key(page, "todo-bread").locator('[data-weft-key="delete"]').click();
    await key(page, "clear").click();
    await expect(labels(page)).toHaveText(["oat milk"]);
    await expect(key(page, "items-left")).toHaveText("1 item left");

    // typed text and ticks survive a refresh: they live in the server session
    await input.fill("half-typed");
    await page.waitForTimeout(100);
    await page.reload();
    await expect(key(page, "new-task").locator("input")).toHaveValue("half-typed");
    await expect(labels(page)).toHaveText(["oat milk"]);
  });
});
