import { afterEach, describe, expect, it, vi } from "vitest";
import { Button, Text, type HookEvent, type Page } from "../index.ts";
import { hook } from "../hook.ts";
import { openSession } from "../testing/index.ts";

const counter = (page: Page) => {
  const count = new Text({ value: "0", key: "count" });
  page.add(count, new Button({ text: "+", key: "inc", onClick: () => void (count.value = String(Number(count.value) + 1)) }));
};

let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  vi.restoreAllMocks();
});

describe("instrumentation hook", () => {
  it("is one object on globalThis, inactive until someone subscribes", () => {
    expect(globalThis.__WEFT_HOOK__).toBe(hook);
    expect(hook.active).toBe(false);
    const stop = hook.subscribe(() => {});
    expect(hook.active).toBe(true);
    stop();
    expect(hook.active).toBe(false);
  });

  it("reports a session's messages with sizes, its patches and its handler timings", async () => {
    const events: HookEvent[] = [];
    stops.push(hook.subscribe((e) => events.push(e)));
    const s = await openSession(counter);
    await s.find({ key: "inc" }).click();
    const mine = events.filter((e) => "sessionId" in e && e.sessionId === s.session.id);
    const messages = mine.filter((e) => e.type === "message");
    expect(messages.map((m) => `${m.direction} ${JSON.parse(m.text).type}`)).toEqual(["in register", "out registered", "in event", "out patch"]);
    for (const m of messages) expect(m.bytes).toBe(Buffer.byteLength(m.text));
    const handler = mine.find((e) => e.type === "handler");
    expect(handler).toMatchObject({ event: "click", id: s.find({ key: "inc" }).id });
    expect(handler!.ms).toBeGreaterThanOrEqual(0);
    expect(mine.find((e) => e.type === "patch")).toMatchObject({ sent: true, ops: [{ op: "set", props: { value: "1" } }] });
    expect(events.find((e) => e.type === "session-open")).toMatchObject({ session: s.session });
    expect(hook.sessions.has(s.session)).toBe(true);
    s.close();
    expect(hook.sessions.has(s.session)).toBe(false);
  });

  it("keeps the app running when a listener throws", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    stops.push(hook.subscribe(() => { throw new Error("buggy devtool"); }));
    const s = await openSession(counter);
    await s.find({ key: "inc" }).click();
    expect(s.find({ key: "count" }).text).toBe("1");
  });
});
