import { afterEach, describe, expect, it, vi } from "vitest";
import { Button, Column, Text, component, useEffect, useState, type Page } from "../../index.ts";
import type { ServerMessage } from "@weft/protocol";
import { openSession, type HeadlessSession } from "../../testing/index.ts";

const errors = (s: HeadlessSession) =>
  s.messages.filter((m) => m.direction === "out" && (m.message as ServerMessage).type === "error").map((m) => m.message as { code: string; message: string; id?: number });
const until = async (done: () => boolean) => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 2));
};

afterEach(() => vi.restoreAllMocks());

/**
 * A safety valve for this test only: without the runtime's own bound, the loop below never
 * yields to the event loop (each render is a microtask), so the test could not even time out.
 * Throwing from the render ends the loop; the runtime should have stopped it long before.
 */
const VALVE = 5_000;

describe("too many re-renders", () => {
  it("stops a component whose effect sets state on every render, and reports it", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    let renders = 0;
    const Loop = component(function Loop() {
      if (++renders > VALVE) throw new Error("the test's safety valve: the runtime did not stop the loop");
      const [n, setN] = useState(0);
      useEffect(() => setN(n + 1));
      return new Text({ value: String(n), key: "n" });
    });
    const s = await openSession((page: Page) => page.add(new Column([Loop({})])));
    await until(() => errors(s).length > 0);
    expect(renders).toBeLessThanOrEqual(60);
    const [error] = errors(s);
    expect(error).toMatchObject({ code: "HANDLER_ERROR", message: expect.stringMatching(/Loop#\d+.*[Tt]oo many re-renders/), id: s.find({ type: "Loop" }).id });
    // The component keeps what it last showed.
    expect(Number(s.find({ key: "n" }).text)).toBeGreaterThan(0);
  });

  it("leaves the session and other sessions working meanwhile", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    let loops = 0;
    const Loop = component(function Loop() {
      if (++loops > VALVE) throw new Error("the test's safety valve: the runtime did not stop the loop");
      const [n, setN] = useState(0);
      useEffect(() => setN(n + 1));
      return new Text({ value: String(n) });
    });
    const Counter = component(function Counter() {
      const [n, setN] = useState(0);
      return new Button({ text: String(n), key: "inc", onClick: () => setN(n + 1) });
    });
    const looping = await openSession((page: Page) => page.add(Loop({}), Counter({})));
    const other = await openSession((page: Page) => page.add(Counter({})));
    await other.find({ key: "inc" }).click();
    expect(other.find({ key: "inc" }).text).toBe("1");
    await until(() => errors(looping).length > 0);
    expect(errors(looping)[0]!.message).toMatch(/[Tt]oo many re-renders/);
    await looping.find({ key: "inc" }).click();
    expect(looping.find({ key: "inc" }).text).toBe("1");
  });

  it("does not count updates that the user's events cause, however many", async () => {
    const Clicks = component(function Clicks() {
      const [n, setN] = useState(0);
      const [echo, setEcho] = useState(0);
      useEffect(() => setEcho(n), [n]);
      return new Button({ text: `${n}/${echo}`, key: "b", onClick: () => setN(n + 1) });
    });
    const s = await openSession((page: Page) => page.add(Clicks({})));
    for (let i = 0; i < 120; i++) await s.find({ key: "b" }).click();
    await until(() => s.find({ key: "b" }).text === "120/120");
    expect(s.find({ key: "b" }).text).toBe("120/120");
    expect(errors(s)).toEqual([]);
  });
});
