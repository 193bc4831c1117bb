import { expect, test } from "@playwright/test";
import { useWeft } from "../support/useWeft.ts";

/**
 * A function component has no box of its own (its element is `display: contents`): hovering its
 * row in the inspector outlines the union of what it draws, where it is on the page, not a
 * 2-pixel box at the page's top-left corner.
 */
test.describe("the inspector on the gallery's function component", () => {
  const weft = useWeft("dev", ["examples/gallery.ts"]);

  test("hovering ClickCounter's row outlines the union of its children's boxes", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const app = await context.newPage();
    await app.goto(weft.url);
    const counter = app.locator('[data-weft-type="ClickCounter"]');
    await expect(counter).toBeAttached();
    await expect(counter).toHaveCSS("display", "contents");
    const id = (await counter.getAttribute("data-weft-id"))!;
    const sessionId = await app.evaluate(() => sessionStorage.getItem("weft:session"));
    const inspector = await context.newPage();
    await inspector.goto(weft.urls.Inspector!);
    await inspector.locator(`[data-testid="session"][data-session-id="${sessionId}"]`).click();
    const row = inspector.locator(`[data-testid="tree-node"][data-weft-id="${id}"]`);
    await inspector.getByRole("searchbox", { name: "Search the tree" }).fill("ClickCounter");
    await row.hover();
    const outline = app.locator('[data-weft-devtools="highlight"]');
    await expect(outline).toContainText("ClickCounter");
    // Its one child, the Row, is what it draws: the outline sits on it once the page scrolled there.
    const child = counter.locator("> *").first();
    await expect(async () => {
      const [box, drawn] = await Promise.all([outline.boundingBox(), child.boundingBox()]);
      expect(drawn!.width).toBeGreaterThan(20);
      expect(Math.abs(box!.x - drawn!.x)).toBeLessThan(3);
      expect(Math.abs(box!.y - drawn!.y)).toBeLessThan(3);
      expect(Math.abs(box!.width - drawn!.width)).toBeLessThan(3);
      expect(Math.abs(box!.height - drawn!.height)).toBeLessThan(3);
    }).toPass({ timeout: 10_000 });
    await context.close();
  });
});
