import { expect, test, type Page } from "@playwright/test";
import { useWeft } from "../support/useWeft.ts";
import { key } from "../support/locators.ts";

/** Flet's own examples and tutorials, ported to examples/flet/, doing in a browser what their tutorials say. */

const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

test.describe("calculator (examples/flet/calculator.ts)", () => {
  const app = useWeft("run", ["examples/flet/calculator.ts"]);

  test("computes as the tutorial's calculator, drawn white on black with a wide 0", async ({ page }) => {
    await page.goto(app.url);
    const display = page.locator("[data-weft-type=Text]").first();
    await expect(display).toHaveText("0");
    for (const k of ["1", "2", "+", "3", "="]) await button(page, k).click();
    await expect(display).toHaveText("15");
    for (const k of ["AC", "5", "/", "0", "="]) await button(page, k).click();
    await expect(display).toHaveText("Error");
    const zero = (await button(page, "0").boundingBox())!;
    const dot = (await button(page, ".").boundingBox())!;
    expect(zero.width / dot.width).toBeGreaterThan(1.8); // expand: 2 against 1
    await expect(page).toHaveTitle("Calc App");
  });
});

test.describe("todo (examples/flet/todo.ts)", () => {
  const app = useWeft("run", ["examples/flet/todo.ts"]);

  test("adds, completes, filters by tab and clears tasks", async ({ page }) => {
    await page.goto(app.url);
    const field = key(page, "new_task").locator("input");
    for (const name of ["milk", "bread"]) {
      await field.fill(name);
      await key(page, "add_task").click();
      await expect(field).toHaveValue("");
    }
    await expect(field).toBeFocused(); // the app focuses the field again after each add
    await expect(page.getByText("2 active item(s) left")).toBeVisible();
    await page.getByRole("checkbox", { name: "milk" }).check();
    await expect(page.getByText("1 active item(s) left")).toBeVisible();
    await page.getByRole("tab", { name: "active" }).click();
    await expect(page.getByRole("checkbox")).toHaveCount(1);
    await expect(page.getByRole("checkbox", { name: "bread" })).toBeVisible();
    await page.getByRole("tab", { name: "all" }).click();
    await expect(page.getByRole("checkbox")).toHaveCount(2);
    await button(page, "Clear completed").click();
    await expect(page.getByRole("checkbox")).toHaveCount(1);
  });
});

test.describe("chat (examples/flet/chat.ts)", () => {
  const app = useWeft("run", ["examples/flet/chat.ts"]);

  test("two browsers join under their names and see each other's messages", async ({ browser }) => {
    const ada = await (await browser.newContext()).newPage();
    const bob = await (await browser.newContext()).newPage();
    for (const [page, name] of [[ada, "Ada"], [bob, "Bob"]] as const) {
      await page.goto(app.url);
      await expect(page.getByRole("alertdialog")).toBeVisible();
      await page.getByLabel("Enter your name to join the chat").fill(name);
      await button(page, "Join chat").click();
      await expect(page.getByRole("alertdialog")).toBeHidden();
    }
    await expect(ada.getByText("Bob has joined the chat.")).toBeVisible();
    const draft = ada.getByPlaceholder("Write a message...");
    await draft.fill("hello Bob");
    await draft.press("Enter");
    await expect(bob.getByText("hello Bob")).toBeVisible();
    // shift_enter=True, max_lines=5: Shift+Enter is a new line in the message, Enter sends it
    await draft.pressSequentially("two");
    await draft.press("Shift+Enter");
    await draft.pressSequentially("lines");
    await draft.press("Enter");
    await expect(bob.getByText("two\nlines")).toBeVisible();
    await bob.getByPlaceholder("Write a message...").fill("hi Ada");
    await button(bob, "Send message").click();
    await expect(ada.getByText("hi Ada")).toBeVisible();
    await expect(ada.locator("[data-weft-type=CircleAvatar]")).toHaveText(["A", "A", "B"]);
    await ada.context().close();
    await bob.context().close();
  });
});

test.describe("solitaire (examples/flet/solitaire/main.ts)", () => {
  const app = useWeft("run", ["examples/flet/solitaire/main.ts"]);

  test("deals the cards, and a card dragged with the mouse onto a foundation stays there", async ({ page }) => {
    await page.goto(app.url);
    const cards = page.locator("[data-weft-type=Card]");
    await expect(cards).toHaveCount(52);
    const stack = (await page.locator("[data-weft-type=Solitaire]").boundingBox())!;
    // each tableau pile's last card is face up; the first pile's only card is at (0, 150)
    const faceUp = cards.filter({ hasText: /^(Ace|[2-9]|10|Jack|Queen|King) [♥♦♣♠]$/ });
    await expect(faceUp).toHaveCount(7);
    const places = () => faceUp.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
    const start = (await places()).find((r) => Math.round(r.x - stack.x) === 0 && Math.round(r.y - stack.y) === 150)!;
    expect(start).toBeDefined();
    await page.mouse.move(start.x + 35, start.y + 50);
    await page.mouse.down();
    // Big steps: the pointer is off the card before the card follows it, as a quick hand is; the
    // card, brought to the top of the Stack (its DOM node moved) as the drag starts, keeps the drag.
    await page.mouse.move(start.x + 35 + 305, start.y + 50 - 145, { steps: 4 });
    await page.mouse.up();
    // dropped within 30 px of the first foundation (300, 0): placed on it exactly
    await expect
      .poll(async () => (await places()).some((r) => Math.round(r.x - stack.x) === 300 && Math.round(r.y - stack.y) === 0))
      .toBe(true);
  });
});

test.describe("7GUIs (examples/flet/counter7guis.ts, temperatureConverter.ts)", () => {
  const counter = useWeft("run", ["examples/flet/counter7guis.ts"]);
  const converter = useWeft("run", ["examples/flet/temperatureConverter.ts"]);

  test("the counter counts each click into its read-only, right-aligned field", async ({ page }) => {
    await page.goto(counter.url);
    const field = page.locator("[data-weft-type=TextField] input");
    await expect(field).toHaveValue("0");
    await button(page, "Increment").click();
    await button(page, "Increment").click();
    await expect(field).toHaveValue("2");
    await expect(field).toHaveAttribute("readonly", "");
    expect(await field.evaluate((el) => getComputedStyle(el).textAlign)).toBe("right");
  });

  test("the converter converts both ways as the user types, and refuses letters", async ({ page }) => {
    await page.goto(converter.url);
    const celsius = page.getByLabel("Celsius");
    const fahrenheit = page.getByLabel("Fahrenheit");
    await celsius.fill("100");
    await expect(fahrenheit).toHaveValue("212");
    await celsius.pressSequentially("a");
    await expect(celsius).toHaveValue("100"); // the InputFilter undid the letter in the browser
    await fahrenheit.fill("-40");
    await expect(celsius).toHaveValue("-40");
    await expect(celsius).toHaveAttribute("inputmode", "decimal");
  });
});
