import { expect, test, type Page } from "@playwright/test";
import { useWeft } from "../support/useWeft.ts";
import { key } from "../support/locators.ts";
import { controlSpecs, controlTypes, dialogBase, type ControlSpec } from "@weft/protocol/controls";

const type = (page: Page, t: string) => page.locator(`[data-weft-type="${t}"]`);

/** Drawn only while their PopupMenuButton's menu is open (the test below opens it). */
const IN_MENU = new Set(["PopupMenuItem"]);

/**
 * Every type of the registry the gallery draws before any dialog or menu is opened (overlays:
 * see dialogs.spec.ts); a function component shows its own name.
 */
const TYPES = [
  ...controlTypes.filter((t) => (controlSpecs[t] as ControlSpec).base !== dialogBase && t !== "Component" && !IN_MENU.has(t)),
  "ClickCounter",
];

test.describe("weft run examples/gallery.ts", () => {
  const app = useWeft("run", ["examples/gallery.ts"]);

  test.beforeEach(async ({ page }) => {
    await page.goto(app.url);
    await expect(key(page, "section-components")).toBeVisible();
  });

  test("draws every control type with its data-weft-type", async ({ page }) => {
    for (const t of TYPES) await expect(type(page, t).first(), `a ${t}`).toBeAttached();
    await expect(page.locator('[data-weft-type="UnknownControl"], .weft-unknown')).toHaveCount(0);
    const menuButton = key(page, "menu").locator('button[aria-haspopup="menu"]');
    await menuButton.click();
    for (const t of IN_MENU) await expect(type(page, t).first(), `a ${t} in the open menu`).toBeVisible();
    await menuButton.click(); // closes it again
    await expect(type(page, "PopupMenuItem")).toHaveCount(0);
    // the component wraps its body without a box of its own
    const counter = type(page, "ClickCounter");
    await expect(counter).toHaveCSS("display", "contents");
    await key(page, "component-inc").click();
    await expect(key(page, "component-count")).toHaveText("Clicked 1 times");
  });

  test("a switch, a slider and a radio change reach the server, which shows the value", async ({ page }) => {
    await key(page, "switch").locator('input[role="switch"]').click();
    await expect(key(page, "switch-value")).toHaveText("Wi-Fi is on");
    await key(page, "switch").getByText("Wi-Fi").click(); // the label flips it too
    await expect(key(page, "switch-value")).toHaveText("Wi-Fi is off");

    const slider = key(page, "slider").locator('input[type="range"]');
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect(key(page, "slider-value")).toHaveText("Volume 40");
    await slider.fill("70");
    await expect(key(page, "slider-value")).toHaveText("Volume 70");

    await key(page, "radio-large").click();
    await expect(key(page, "radio-value")).toHaveText("Size: large");
    await expect(key(page, "radio-large").locator("input")).toBeChecked();
    await expect(key(page, "radio-medium").locator("input")).not.toBeChecked();
  });

  test("tabs switch by click and by arrow keys; the navigation bar reports its destination", async ({ page }) => {
    await expect(key(page, "tab-content-flights")).toBeVisible();
    await key(page, "tab-trips").click();
    await expect(key(page, "tab-content-trips")).toBeVisible();
    await expect(key(page, "tab-content-flights")).toHaveCount(0);
    await expect(key(page, "tabs-value")).toHaveText("Tab: Trips");
    await expect(key(page, "tab-trips")).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowRight");
    await expect(key(page, "tab-content-explore")).toBeVisible();
    await expect(key(page, "tabs-value")).toHaveText("Tab: Explore");

    await key(page, "navbar").getByRole("button", { name: "Saved" }).click();
    await expect(key(page, "nav-value")).toHaveText("Destination: Saved");
    await expect(key(page, "navbar").getByRole("button", { name: "Saved" })).toHaveAttribute("aria-current", "page");
  });

  test("the data table sorts by a header click and selects rows", async ({ page }) => {
    const names = () => key(page, "table").locator('[data-weft-type="DataRow"] td:nth-child(2)');
    await expect(names()).toHaveText(["Ada Lovelace", "Grace Hopper", "Alan Turing", "Emmy Noether", "Claude Shannon"]);
    await key(page, "col-born").getByRole("button").click();
    await expect(names()).toHaveText(["Ada Lovelace", "Emmy Noether", "Grace Hopper", "Alan Turing", "Claude Shannon"]);
    await expect(key(page, "col-born")).toHaveAttribute("aria-sort", "ascending");
    await key(page, "col-born").getByRole("button").click();
    await expect(names().first()).toHaveText("Claude Shannon");
    await expect(key(page, "col-born")).toHaveAttribute("aria-sort", "descending");
    await key(page, "col-name").getByRole("button").click();
    await expect(names().first()).toHaveText("Ada Lovelace");

    await key(page, "row-grace").getByText("Grace Hopper").click();
    await expect(key(page, "table-status")).toHaveText("Selected: Grace Hopper");
    await key(page, "row-alan").getByRole("checkbox").check();
    await expect(key(page, "table-status")).toHaveText("Selected: Alan Turing, Grace Hopper");
    await expect(key(page, "row-alan")).toHaveAttribute("aria-selected", "true");
    await key(page, "table").getByRole("checkbox", { name: "Select all rows" }).check();
    await expect(key(page, "table-status")).toHaveText("Selected: Ada Lovelace, Alan Turing, Claude Shannon, Emmy Noether, Grace Hopper");
    await key(page, "table").getByRole("checkbox", { name: "Select all rows" }).uncheck();
    await expect(key(page, "table-status")).toHaveText("No rows selected");
  });

  test("Markdown is formatted, and HTML in it shows as text", async ({ page }) => {
    const md = key(page, "markdown");
    await expect(md.locator("h3")).toHaveText("Markdown");
    await expect(md.locator("strong")).toHaveText("bold");
    await expect(md.locator("table tr")).toHaveCount(3);
    await expect(md.locator("a")).toHaveAttribute("rel", "noopener noreferrer");
    await expect(md).toContainText("HTML such as <b>this</b> shows as text");
    await expect(md.locator("b")).toHaveCount(0);
  });

  test("layout: stack children are placed by their offsets, the grid fits columns to maxExtent", async ({ page }) => {
    const stack = await key(page, "stack").boundingBox();
    const badge = key(page, "stack").locator(":scope > [data-weft-type=Container]").first();
    await expect(badge).toHaveCSS("position", "absolute");
    const box = await badge.boundingBox();
    expect(box!.x - stack!.x).toBeCloseTo(12, 0);
    expect(stack!.y + stack!.height - (box!.y + box!.height)).toBeCloseTo(12, 0);

    const grid = key(page, "grid");
    const width = (await grid.boundingBox())!.width;
    const tiles = grid.locator(":scope > *");
    const first = (await tiles.nth(0).boundingBox())!;
    expect(first.width).toBeLessThanOrEqual(120.5);
    expect(first.width / first.height).toBeCloseTo(1.5, 1);
    const perRow = Math.ceil((width + 8) / (120 + 8));
    expect((await tiles.nth(perRow).boundingBox())!.y).toBeGreaterThan(first.y);
    expect((await tiles.nth(perRow - 1).boundingBox())!.y).toBeCloseTo(first.y, 0);
  });

  test("theme: the app bar toggles dark mode and the seed colour changes the scheme", async ({ page }, testInfo) => {
    const root = page.locator("html");
    await expect(root).toHaveAttribute("data-weft-theme", "light");
    const surface = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const primary = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--weft-primary"));
    const lightSurface = await surface();
    await page.screenshot({ path: testInfo.outputPath("gallery-light.png") });

    await key(page, "theme-toggle").click();
    await expect(root).toHaveAttribute("data-weft-theme", "dark");
    expect(await surface()).not.toBe(lightSurface);
    await page.screenshot({ path: testInfo.outputPath("gallery-dark.png") });

    const before = await primary();
    await key(page, "seed").locator("select").selectOption("teal");
    await expect.poll(primary).not.toBe(before);
    await key(page, "theme-toggle").click();
    await expect(root).toHaveAttribute("data-weft-theme", "light");
  });

  test("a view above another shows a back button in its app bar that pops it", async ({ page }) => {
    await expect(key(page, "appbar").getByRole("button", { name: "Back" })).toHaveCount(0);
    await key(page, "open-details").click();
    await expect(key(page, "details-text")).toBeVisible();
    await expect(page).toHaveURL(/\/details$/);
    await key(page, "details-appbar").getByRole("button", { name: "Back" }).click();
    await expect(key(page, "section-components")).toBeVisible();
    await expect(page).toHaveURL(app.url);
  });
});
