import { describe, expect, it } from "vitest";
import { openSession, type HeadlessSession } from "weft/testing";
import main from "../calculator.ts";

/** Presses the calculator's buttons by their labels, as the tutorial's user does. */
async function press(s: HeadlessSession, ...keys: string[]) {
  for (const key of keys) await s.findAll({ text: key, type: "Button" })[0]!.click();
}
const display = (s: HeadlessSession) => s.findAll({ type: "Text" })[0]!.text;

describe("Flet's calculator tutorial, ported", () => {
  it("adds, subtracts, multiplies and divides as the tutorial's app does", async () => {
    const s = await openSession(main);
    expect(s.page.title).toBe("Calc App");
    expect(display(s)).toBe("0");
    await press(s, "1", "2", "+", "3", "=");
    expect(display(s)).toBe("15");
    await press(s, "AC", "7", "*", "6", "-", "2", "=");
    expect(display(s)).toBe("40");
    await press(s, "AC", "1", "/", "4", "=");
    expect(display(s)).toBe("0.25");
  });

  it("shows Error for a division by zero, and AC clears it", async () => {
    const s = await openSession(main);
    await press(s, "5", "/", "0", "=");
    expect(display(s)).toBe("Error");
    await press(s, "AC");
    expect(display(s)).toBe("0");
  });

  it("negates with +/- and takes a percentage with %", async () => {
    const s = await openSession(main);
    await press(s, "5", "0", "%");
    expect(display(s)).toBe("0.5");
    await press(s, "AC", "9", "+/-");
    expect(display(s)).toBe("-9");
    await press(s, "+/-");
    expect(display(s)).toBe("9");
  });

  it("lays its buttons out as Flet's: digits white on black, the 0 twice as wide", async () => {
    const s = await openSession(main);
    const zero = s.findAll({ text: "0", type: "Button" })[0]!;
    expect(zero.props).toMatchObject({ expand: 2, bgcolor: "white24", color: "white" });
    expect(s.findAll({ text: "=", type: "Button" })[0]!.props).toMatchObject({ expand: 1, bgcolor: "orange" });
    expect(zero.controlType).toBe("DigitButton");
  });
});
