import { expect, test, type Page } from "@playwright/test";
import { useWeft } from "../support/useWeft.ts";
import { key } from "../support/locators.ts";

test.describe("dialogs and overlays in examples/gallery.ts", () => {
  const app = useWeft("run", ["examples/gallery.ts"]);

  test.beforeEach(async ({ page }) => {
    await page.goto(app.url);
    await expect(key(page, "section-dialogs")).toBeVisible();
  });

  const status = (page: Page) => key(page, "dialog-status");

  test("an alert dialog opens from a button and is dismissed by Escape, which the app hears", async ({ page }) => {
    const opener = key(page, "open-dialog");
    await opener.click();
    const dialog = key(page, "dialog");
    await expect(dialog).toHaveAttribute("data-weft-type", "AlertDialog");
    await expect(dialog.getByRole("dialog", { name: "Enable notifications?" })).toBeVisible();
    // the focus moves into the dialog, and Tab stays there
    await expect(key(page, "dialog-cancel")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(key(page, "dialog-ok")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(key(page, "dialog-cancel")).toBeFocused();

    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(status(page)).toHaveText("Dialog dismissed");
    await expect(opener).toBeFocused();
  });

  test("a click outside a non-modal dialog dismisses it; a click inside does not", async ({ page }) => {
    await key(page, "open-dialog").click();
    const dialog = key(page, "dialog");
    await dialog.getByRole("dialog").click({ position: { x: 20, y: 20 } });
    await expect(dialog).toBeVisible();
    await page.mouse.click(5, 5);
    await expect(dialog).toHaveCount(0);
    await expect(status(page)).toHaveText("Dialog dismissed");
  });

  test("an action closes the dialog from the app, which fires no dismiss", async ({ page }) => {
    await key(page, "open-dialog").click();
    await key(page, "dialog-ok").click();
    await expect(key(page, "dialog")).toHaveCount(0);
    await expect(status(page)).toHaveText("Dialog: enabled");
    // it opens again after being closed
    await key(page, "open-dialog").click();
    await expect(key(page, "dialog")).toBeVisible();
  });

  test("a modal dialog ignores Escape and clicks outside; its actions close it", async ({ page }) => {
    await key(page, "open-modal").click();
    const modal = key(page, "modal");
    await expect(modal.getByRole("alertdialog")).toBeVisible();
    await page.keyboard.press("Escape");
    await page.mouse.click(5, 5);
    await expect(modal).toBeVisible();
    await expect(status(page)).toHaveText("No dialog yet");
    await key(page, "modal-discard").click();
    await expect(modal).toHaveCount(0);
    await expect(status(page)).toHaveText("Modal: discarded");
  });

  test("a snack bar closes itself after its duration, and the app hears it", async ({ page }) => {
    await key(page, "open-snack").click();
    const snack = key(page, "snack");
    await expect(snack).toHaveAttribute("data-weft-type", "SnackBar");
    await expect(snack).toContainText("Message archived");
    await expect(snack).toHaveCount(0, { timeout: 6000 });
    await expect(status(page)).toHaveText("Snack bar closed");
  });

  test("a snack bar's action fires action, then closes it", async ({ page }) => {
    await key(page, "open-snack").click();
    await key(page, "snack").getByRole("button", { name: "Undo" }).click();
    await expect(key(page, "snack")).toHaveCount(0);
    await expect(status(page)).toHaveText("Snack bar: undo");
  });

  test("a banner stays until one of its actions closes it", async ({ page }) => {
    await key(page, "open-banner").click();
    const banner = key(page, "banner");
    await expect(banner).toHaveAttribute("data-weft-type", "Banner");
    await expect(banner).toContainText("You are offline");
    await page.keyboard.press("Escape");
    await key(page, "banner-retry").click();
    await expect(status(page)).toHaveText("Banner: retry");
    await expect(banner).toBeVisible();
    await key(page, "banner-close").click();
    await expect(banner).toHaveCount(0);
    await expect(status(page)).toHaveText("Banner closed");
  });

  test("a bottom sheet is dismissed by Escape, a click above it, or a drag of its handle", async ({ page }) => {
    const sheet = key(page, "sheet");
    const open = async () => {
      await key(page, "open-sheet").click();
      await expect(sheet.getByText("Share", { exact: true })).toBeVisible();
    };
    await open();
    await expect(sheet).toHaveAttribute("data-weft-type", "BottomSheet");
    await page.keyboard.press("Escape");
    await expect(sheet).toHaveCount(0);
    await expect(status(page)).toHaveText("Sheet dismissed");

    await open();
    await key(page, "sheet-close").click(); // closed by the app: no dismiss
    await expect(sheet).toHaveCount(0);
    await expect(status(page)).toHaveText("Sheet closed");

    await open();
    await page.mouse.click(5, 5);
    await expect(sheet).toHaveCount(0);
    await expect(status(page)).toHaveText("Sheet dismissed");

    await key(page, "open-dialog").click(); // reset the status through another dialog
    await key(page, "dialog-ok").click();
    await expect(status(page)).toHaveText("Dialog: enabled");
    await open();
    // measure the handle once the sheet has slid in
    await sheet.locator(".weft-bottomsheet").evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    const handle = (await sheet.locator(".weft-bottomsheet-handle").boundingBox())!;
    const x = handle.x + handle.width / 2;
    await page.mouse.move(x, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(x, handle.y + 40, { steps: 3 });
    await page.mouse.move(x, handle.y + 150, { steps: 5 });
    await page.mouse.up();
    await expect(sheet).toHaveCount(0);
    await expect(status(page)).toHaveText("Sheet dismissed");
  });

  test("only the top layer takes Escape: a dialog over a sheet closes first", async ({ page }) => {
    const sheet = key(page, "sheet");
    await key(page, "open-sheet").click();
    await expect(sheet).toBeVisible();
    await key(page, "sheet-info").click();
    const dialog = key(page, "dialog");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(status(page)).toHaveText("Dialog dismissed");
    await expect(sheet).toBeVisible();
    await expect(key(page, "sheet-info")).toBeFocused(); // the focus goes back into the sheet
    await page.keyboard.press("Escape");
    await expect(sheet).toHaveCount(0);
    await expect(status(page)).toHaveText("Sheet dismissed");
  });
});
