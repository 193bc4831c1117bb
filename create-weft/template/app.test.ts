import { describe, expect, it } from "vitest";
import { openSession } from "weft/testing";
import main from "./app.ts";

// A headless session: the app's real controls and handlers, no browser.
describe("the counter", () => {
  it("counts up and down", async () => {
    const session = await openSession(main);
    expect(session.find({ key: "count" }).text).toBe("0");
    await session.find({ key: "inc" }).click();
    await session.find({ key: "inc" }).click();
    await session.find({ key: "dec" }).click();
    expect(session.find({ key: "count" }).text).toBe("1");
    session.close();
  });
});
