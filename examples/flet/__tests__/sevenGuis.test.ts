import { describe, expect, it } from "vitest";
import { openSession } from "weft/testing";
import counter from "../counter7guis.ts";
import converter, { formatTemperature } from "../temperatureConverter.ts";

describe("7GUIs Counter, ported from Flet", () => {
  it("counts up in a read-only field, one per click of Increment", async () => {
    const s = await openSession(counter);
    expect(s.page.title).toBe("7GUIs - Counter");
    const field = s.find({ type: "TextField" });
    expect(field.text).toBe("0");
    expect(field.props).toMatchObject({ readOnly: true, textAlign: "right", borderRadius: 14 });
    for (let i = 0; i < 3; i++) await s.find({ type: "FilledButton", text: "Increment" }).click();
    expect(s.find({ type: "TextField" }).text).toBe("3");
  });
});

describe("7GUIs Temperature Converter, ported from Flet", () => {
  const field = (s: Awaited<ReturnType<typeof openSession>>, label: string) => s.findAll({ type: "TextField" }).find((f) => f.props.label === label)!;

  it("converts either way as the user types, and empties the other field with this one", async () => {
    const s = await openSession(converter);
    await field(s, "Celsius").type("100");
    expect(field(s, "Fahrenheit").text).toBe("212");
    await field(s, "Fahrenheit").type("50");
    expect(field(s, "Celsius").text).toBe("10");
    await field(s, "Fahrenheit").type("0");
    expect(field(s, "Celsius").text).toBe("-17.78");
    await field(s, "Fahrenheit").type("");
    expect(field(s, "Celsius").text).toBe("");
  });

  it("leaves the other field alone while the text is not a number yet (a lone minus)", async () => {
    const s = await openSession(converter);
    await field(s, "Celsius").type("5");
    expect(field(s, "Fahrenheit").text).toBe("41");
    await field(s, "Celsius").type("-");
    expect(field(s, "Fahrenheit").text).toBe("41");
  });

  it("sends the numeric input filter for the browser to apply", async () => {
    const s = await openSession(converter);
    expect(field(s, "Celsius").props.inputFilter).toMatchObject({ regexString: "^-?[0-9]*\\.?[0-9]*$", allow: true, replacementString: "" });
  });

  it("formats as the original: two decimals at most, no trailing zeros", () => {
    expect([formatTemperature(5), formatTemperature(5.2), formatTemperature(37.77777), formatTemperature(-0.001)]).toEqual(["5", "5.2", "37.78", "0"]);
  });
});
