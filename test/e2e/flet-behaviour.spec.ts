import { expect, test, type Page } from "@playwright/test";
import { useWeft } from "../support/useWeft.ts";
import { key } from "../support/locators.ts";
import { openRoute } from "../support/openRoute.ts";

/** Behaviour gaps found while porting Flet's examples: each screen of test/fixtures/flet/behaviour.ts. */
test.describe("behaviour as in Flet", () => {
  const app = useWeft("run", ["test/fixtures/flet/behaviour.ts"]);
  const open = (page: Page, route: string) => openRoute(page, app.url, route);

  test("InputFilter: a refused keystroke or paste leaves the text as it was, as Flet's client does", async ({ page }) => {
    await open(page, "/filter");
    const digits = key(page, "digits").locator("input");
    await digits.pressSequentially("12a3");
    await expect(digits).toHaveValue("123");
    await expect(key(page, "seen")).toHaveText("123"); // the refused "a" never reached the server
    // A paste is one edit: Flet keeps the old text when the new one does not match (not "12").
    await digits.fill("");
    await digits.focus();
    await page.evaluate(() => document.execCommand("insertText", false, "a1b2"));
    await expect(digits).toHaveValue("");
    await page.evaluate(() => document.execCommand("insertText", false, "42"));
    await expect(digits).toHaveValue("42");
  });

  test("InputFilter: patterns read as Dart reads them, and caseSensitive", async ({ page }) => {
    await open(page, "/filter");
    const signed = key(page, "signed").locator("input");
    await signed.pressSequentially("-1x2");
    await expect(signed).toHaveValue("-12");
    const letters = key(page, "letters").locator("input");
    await letters.pressSequentially("aB1c");
    await expect(letters).toHaveValue("aBc");
  });

  test("a Button inside a pannable GestureDetector gets its click; a drag from it pans", async ({ page }) => {
    await open(page, "/gesture");
    const counts = key(page, "counts");
    await page.getByRole("button", { name: "Inside" }).click();
    // the innermost control takes the tap, as in Flutter's gesture arena
    await expect(counts).toHaveText("clicks 1, taps 0, pans 0");
    const area = (await key(page, "detector").boundingBox())!;
    await page.mouse.click(area.x + 250, area.y + 150);
    await expect(counts).toHaveText("clicks 1, taps 1, pans 0");
    // a press on the button that moves past the slop is a pan, not a click
    const inside = (await page.getByRole("button", { name: "Inside" }).boundingBox())!;
    await page.mouse.move(inside.x + 10, inside.y + 10);
    await page.mouse.down();
    await page.mouse.move(inside.x + 10 + 400, inside.y + 10 + 100, { steps: 3 }); // off the detector at once
    await page.mouse.up();
    await expect(counts).toHaveText(/^clicks 1, taps 1, pans [1-9]/);
  });

  test("a press that wanders past the slop is no tap, even released where it began; a click is one", async ({ page }) => {
    await open(page, "/gesture");
    const area = (await key(page, "tap-only").boundingBox())!;
    const count = key(page, "tap-only-count");
    await page.mouse.move(area.x + 20, area.y + 20);
    await page.mouse.down();
    await page.mouse.move(area.x + 20, area.y + 300, { steps: 3 }); // off the detector
    await page.mouse.move(area.x + 20, area.y + 20, { steps: 3 }); // and back
    await page.mouse.up();
    await page.mouse.click(area.x + 120, area.y + 30);
    await expect(count).toHaveText("1 at 120"); // the click's tap, and no tap of the wandering press before it
  });

  test("maxLines > 1 wraps the text and Enter submits; shiftEnter makes the field multiline", async ({ page }) => {
    await open(page, "/lines");
    const submitted = key(page, "submitted");
    const wrap = key(page, "wrap").locator("textarea");
    await expect(wrap).toBeVisible();
    const oneLine = (await wrap.boundingBox())!.height;
    await wrap.pressSequentially("a long line of text that wraps inside two hundred pixels");
    expect((await wrap.boundingBox())!.height).toBeGreaterThan(oneLine);
    await wrap.press("Enter");
    await expect(submitted).toHaveText('"a long line of text that wraps inside two hundred pixels"');

    // the chat's field: Shift+Enter is a new line, Enter sends
    const chat = key(page, "chat").locator("textarea");
    await chat.pressSequentially("hi");
    await chat.press("Shift+Enter");
    await chat.pressSequentially("there");
    await chat.press("Enter");
    await expect(submitted).toHaveText('"hi\\nthere"');

    await expect(key(page, "single").locator("input")).toBeVisible(); // no maxLines: one line, an <input>
  });
});
