import { expect, test, type Browser, type Page } from "@playwright/test";
import { startWeft, type WeftProcess } from "../support/weftProcess.ts";
import { key } from "../support/locators.ts";

/**
 * The inspector in a narrow panel (VS Code's "Open Inspector" is about 520 px wide; it must work
 * from 480 px up): the panes stack, the props pane is not cut off, the tree search keeps a
 * usable width, the message columns a person reads first are not clipped. And the message list
 * tells a filter with no match from an empty session.
 */
const APP = "test/fixtures/inspector/inspectedApp.ts";

let weft: WeftProcess;
test.beforeAll(async () => {
  weft = await startWeft("dev", [APP]);
});
test.afterAll(async () => {
  await weft?.stop();
});

const treeNode = (inspector: Page, id: string) => inspector.locator(`[data-testid="tree-node"][data-weft-id="${id}"]`);

async function open(browser: Browser, width: number) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const app = await context.newPage();
  await app.goto(weft.url);
  await expect(key(app, "count")).toHaveText("0");
  const sessionId = await app.evaluate(() => sessionStorage.getItem("weft:session"));
  const inspector = await context.newPage();
  await inspector.setViewportSize({ width, height: 900 });
  await inspector.goto(weft.urls.Inspector!);
  const session = inspector.locator(`[data-testid="session"][data-session-id="${sessionId}"]`);
  await session.click();
  return { context, app, inspector };
}

/** How far an element reaches past the right edge of the page, and whether its text is cut. */
const clipping = (inspector: Page, selector: string) =>
  inspector.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { right: r.right, width: r.width, cut: el.scrollWidth > el.clientWidth + 1 };
  });

for (const width of [480, 520]) {
  test(`at ${width} px the panes stack and nothing is cut off`, async ({ browser }) => {
    const { context, app, inspector } = await open(browser, width);
    await expect(inspector.getByLabel("Search the tree")).toBeVisible();
    // Nothing scrolls sideways.
    expect(await inspector.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    // The search keeps a usable width.
    const search = await inspector.getByLabel("Search the tree").boundingBox();
    expect(search!.width).toBeGreaterThanOrEqual(140);
    expect(search!.x + search!.width).toBeLessThanOrEqual(width);

    // The selected control's props are all inside the window, their editors usable.
    const countId = (await key(app, "count").getAttribute("data-weft-id"))!;
    await treeNode(inspector, countId).click();
    const props = await clipping(inspector, '[data-testid="props"]');
    expect(props.right).toBeLessThanOrEqual(width);
    const value = inspector.locator('[data-testid="prop-row"][data-prop="value"] [data-testid="prop-input"]');
    await expect(value).toHaveValue("0");
    const input = await value.boundingBox();
    expect(input!.width).toBeGreaterThanOrEqual(60);
    expect(input!.x + input!.width).toBeLessThanOrEqual(width);

    // A click's rows: the action and the control are read in full.
    await key(app, "inc").click();
    const row = inspector.locator('[data-testid="message-row"][data-kind="event"]').first();
    await expect(row).toBeVisible();
    for (const column of [".c-action", ".c-control"]) {
      const cell = await row.locator(column).evaluate((el) => ({ right: el.getBoundingClientRect().right, cut: el.scrollWidth > el.clientWidth + 1 }));
      expect(cell.cut, `${column} is clipped`).toBe(false);
      expect(cell.right).toBeLessThanOrEqual(width);
    }
    await expect(inspector.getByTestId("workspace")).toHaveAttribute("data-layout", "narrow");
    await context.close();
  });
}

test("a message filter with no match says so, with how many messages it hides", async ({ browser }) => {
  const { context, app, inspector } = await open(browser, 1200);
  await key(app, "inc").click();
  await expect(inspector.locator('[data-testid="message-row"]').first()).toBeVisible();
  await inspector.getByPlaceholder("Filter: action, control (Button#inc), text").fill("zzz-no-such-thing");
  const empty = inspector.getByTestId("messages-empty");
  await expect(empty).toContainText("No message matches the filter (“zzz-no-such-thing”)");
  await expect(empty).toContainText(/\d+ messages? hidden/);
  await expect(empty).not.toContainText("No message yet");
  await context.close();
});
