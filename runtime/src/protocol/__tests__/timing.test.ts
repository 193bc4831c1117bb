import { afterEach, describe, expect, it } from "vitest";
import { Button, Text, type HookEvent, type Page } from "../../index.ts";
import { hook } from "../../hook.ts";
import { openSession } from "../../testing/index.ts";
import { parseClientMessage } from "@weft/protocol";

const counter = (page: Page) => {
  const count = new Text({ value: "0", key: "count" });
  page.add(count, new Button({ text: "+", key: "inc", onClick: () => void (count.value = String(Number(count.value) + 1)) }));
};

let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
});

describe("browser round-trip timings (optional part of protocol 1)", () => {
  it("parses an event's seq and a timing frame", () => {
    expect(parseClientMessage('{"type":"event","id":3,"name":"click","seq":7}')).toEqual({ ok: true, message: { type: "event", id: 3, name: "click", data: undefined, seq: 7 } });
    expect(parseClientMessage('{"type":"timing","seq":7,"ms":12.5}')).toEqual({ ok: true, message: { type: "timing", seq: 7, ms: 12.5 } });
  });

  it("refuses a malformed seq or timing with a message naming the field", () => {
    expect(parseClientMessage('{"type":"event","id":3,"name":"click","seq":-1}')).toMatchObject({ ok: false, code: "BAD_MESSAGE", message: expect.stringContaining("seq") });
    expect(parseClientMessage('{"type":"timing","seq":1}')).toMatchObject({ ok: false, code: "BAD_MESSAGE", message: expect.stringContaining("ms") });
    expect(parseClientMessage('{"type":"timing","ms":3}')).toMatchObject({ ok: false, code: "BAD_MESSAGE", message: expect.stringContaining("seq") });
  });

  it("tells the browser devtools: true only while a listener asked for timings", async () => {
    const plain = await openSession(counter);
    const registered = (s: typeof plain) => s.messages.find((m) => m.message.type === "registered")?.message;
    expect(registered(plain)).not.toHaveProperty("devtools");
    stops.push(hook.subscribe(() => {}));
    expect(hook.timings).toBe(false);
    const stop = hook.subscribe(() => {}, { timings: true });
    expect(hook.timings).toBe(true);
    const timed = await openSession(counter);
    expect(registered(timed)).toMatchObject({ devtools: true });
    stop();
    expect(hook.timings).toBe(false);
    expect(hook.active).toBe(true);
  });

  it("hands a timing frame to the hook under the session's id", async () => {
    const events: HookEvent[] = [];
    stops.push(hook.subscribe((e) => events.push(e), { timings: true }));
    const s = await openSession(counter);
    s.send({ type: "event", id: s.find({ key: "inc" }).id, name: "click", seq: 1 });
    s.send({ type: "timing", seq: 1, ms: 4.25 });
    await s.session.idle();
    expect(s.find({ key: "count" }).text).toBe("1");
    expect(events.find((e) => e.type === "timing")).toEqual({ type: "timing", sessionId: s.session.id, seq: 1, ms: 4.25 });
  });
});
