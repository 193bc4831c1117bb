import { expect, test, type Page } from "@playwright/test";
import { startDevApp, type DevApp } from "../fixtures/dev/devApp.ts";
import { key } from "../support/locators.ts";

/**
 * `weft dev <app> --static`: the app runs in the tab's Web Worker (as a static build ships it),
 * Vite feeds the worker the changed modules, the swap engine in the worker keeps the tab's
 * state, and the tools see the session through the devserver. On its own copy of
 * test/fixtures/dev/app.ts, as the `weft dev` spec.
 */
async function useTheApp(page: Page) {
  for (let i = 0; i < 5; i++) await key(page, "inc").click();
  await expect(key(page, "count")).toHaveText("5");
  await key(page, "name").locator("input").fill("Ada");
  await key(page, "remember").click();
  for (const task of ["milk", "eggs"]) {
    await key(page, "new-task").locator("input").fill(task);
    await key(page, "add").click();
    await expect(key(page, "done").last()).toContainText(task);
  }
  await key(page, "done").nth(1).locator("input").check();
  await key(page, "click").click();
  await key(page, "click").click();
  await expect(key(page, "clicks")).toHaveText("clicks: 2");
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
}

test.describe("weft dev --static", () => {
  let dev: DevApp;
  test.beforeEach(async () => {
    dev = await startDevApp("app.ts", {}, undefined, ["--static"]);
  });
  test.afterEach(async () => dev.stop());

  test("the app runs in the tab's worker, and a save swaps in with its state kept", async ({ page }) => {
    const sockets: string[] = [];
    page.on("websocket", (ws) => sockets.push(new URL(ws.url()).pathname));
    await page.goto(dev.url);
    await useTheApp(page);
    // no app WebSocket from the page: the session is in the worker (only Vite's HMR client talks to the devserver)
    expect(sockets.filter((p) => p === "/ws")).toEqual([]);

    const outcome = await dev.edit(
      ["const step = 1;", "const step = 2;"],
      ['"+" /* edit:inc-label */', '"plus"'],
      ['" (done)" /* edit:done-suffix */', '" ✓"'],
      ["`clicks: ${n}`", "`taps: ${n}`"],
      ["// edit:extra-controls", 'new Text({ value: "added in source", key: "added" }),'],
    );
    expect(outcome.kind).toBe("swapped");
    expect(outcome.line).toMatch(/^weft: swapped app\.ts in \d+ ms · 1 session kept/);

    await expect(key(page, "inc")).toHaveText("plus");
    await expect(key(page, "added")).toHaveText("added in source");
    // kept: the count, typed text, runtime-created items and their ticks, hook state, the page itself
    await expect(key(page, "count")).toHaveText("5");
    await expect(key(page, "name").locator("input")).toHaveValue("Ada");
    await expect(key(page, "done")).toHaveCount(2);
    expect(await key(page, "done").locator("input").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked))).toEqual([false, true]);
    await expect(key(page, "clicks")).toHaveText("taps: 2");
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);

    // the next clicks run the new code
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("7");
    await key(page, "done").nth(0).locator("input").check();
    await expect(key(page, "done").nth(0)).toContainText("milk ✓");
    await key(page, "click").click();
    await expect(key(page, "clicks")).toHaveText("taps: 3");
  });

  test("the inspector's channel sees the tab's session, its tree and the swap report", async ({ page }) => {
    await page.goto(dev.url);
    await key(page, "inc").click();
    await expect(key(page, "count")).toHaveText("1");
    const channel = await dev.channel();
    const sessions = await channel.next("sessions", (m) => m.sessions.length > 0, true).catch(() => channel.next("session-open"));
    const sessionId = "sessions" in sessions ? sessions.sessions[0]!.id : sessions.session.id;
    channel.client.send({ type: "watch", sessionId, tree: true, messages: true });
    const tree = await channel.next("tree", (m) => m.sessionId === sessionId, true);
    expect(JSON.stringify(tree.root)).toContain('"k":"count"');
    // a click in the tab: its frames and the tree's change reach the tool
    const row = channel.next("message", (m) => m.row.sessionId === sessionId && m.row.direction === "in" && m.row.kind === "event");
    await key(page, "inc").click();
    await row;
    const props = await channel.client.request("get-props", { sessionId, id: Number(await key(page, "count").getAttribute("data-weft-id")) });
    expect(props).toMatchObject({ props: { value: "2" } });
    const report = channel.next("swap");
    await dev.edit(['"+" /* edit:inc-label */', '"add"']);
    expect((await report).report).toMatchObject({ outcome: "swapped", sessions: { kept: 1 } });
    channel.close();
  });

  test("the inspector shows the tab's session and its control tree", async ({ page, context }) => {
    await page.goto(dev.url);
    await expect(key(page, "count")).toHaveText("0", { timeout: 30_000 }); // Vite compiles the worker's modules on first load
    const inspector = await context.newPage();
    await inspector.goto(dev.inspectorUrl);
    await expect(inspector.locator('[data-testid="session"]')).toHaveCount(1);
    await inspector.locator('[data-testid="session"]').click();
    const countId = await key(page, "count").getAttribute("data-weft-id");
    await expect(inspector.locator(`[data-testid="tree-node"][data-weft-id="${countId}"]`)).toBeAttached();
    // a second tab is a second session (its own worker)
    const second = await context.newPage();
    await second.goto(dev.url);
    await expect(key(second, "count")).toHaveText("0");
    await expect(inspector.locator('[data-testid="session"]')).toHaveCount(2);
    await second.close();
    await expect(inspector.locator('[data-testid="session"]')).toHaveCount(1);
  });
});
