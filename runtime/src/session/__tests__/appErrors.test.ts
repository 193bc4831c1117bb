import { afterEach, describe, expect, it, vi } from "vitest";
import { Button, Checkbox, Text, type HookEvent, type Page } from "../../index.ts";
import { hook } from "../../hook.ts";
import type { ServerMessage } from "@weft/protocol";
import { openSession, type HeadlessSession } from "../../testing/index.ts";

const serverMessages = (s: HeadlessSession) => s.messages.filter((m) => m.direction === "out").map((m) => m.message as ServerMessage);
const errors = (s: HeadlessSession) => serverMessages(s).filter((m) => m.type === "error");

let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  vi.restoreAllMocks();
});

describe("a handler that throws something that is not an Error", () => {
  it.each([
    ["Object.create(null)", () => Object.create(null)],
    ["a string", () => "plain words"],
    ["undefined", () => undefined],
    ["an object whose toString throws", () => ({ toString() { throw new Error("no"); } })],
  ])("throwing %s is reported like any error, and the handler's own changes are sent", async (_label, thrown) => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const s = await openSession((page: Page) => {
      const status = new Text({ value: "before", key: "status" });
      page.add(status, new Button({ text: "go", key: "go", onClick: () => { status.value = "after"; throw thrown(); } }));
    });
    await s.find({ key: "go" }).click();
    expect(errors(s)).toEqual([expect.objectContaining({ code: "HANDLER_ERROR", message: expect.stringMatching(/^onClick of #\d+: /) })]);
    expect(s.find({ key: "status" }).text).toBe("after");
    expect(logged).toHaveBeenCalled();
  });
});

describe("event and prop names are the control's own, never the prototype's", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"])("an event named '%s' runs nothing", async (name) => {
    const ran: HookEvent[] = [];
    stops.push(hook.subscribe((e) => e.type === "handler" && ran.push(e)));
    const s = await openSession((page: Page) => page.add(new Button({ text: "go", key: "go", onClick: () => {} })));
    s.send({ type: "event", id: s.find({ key: "go" }).id, name });
    await s.session.idle();
    expect(ran).toEqual([]);
    expect(errors(s)).toEqual([]);
  });

  it.each(["__proto__", "constructor", "toString"])("a browser prop named '%s' is refused, even as null", async (name) => {
    const s = await openSession((page: Page) => page.add(new Checkbox({ key: "box", label: "ok" })));
    const box = s.find({ key: "box" });
    s.send({ type: "props", id: box.id, props: JSON.parse(`{"${name}":null}`) });
    expect(errors(s)).toEqual([expect.objectContaining({ code: "BAD_PROP", message: expect.stringContaining(`'${name}'`) })]);
  });
});

describe("exposeErrors", () => {
  const failing = (page: Page) => page.add(new Button({ text: "go", key: "go", onClick: () => { throw new Error("database password is hunter2"); } }));

  it("off: the browser gets a short message and a reference, the log the full text, the stack and the same reference", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const s = await openSession(failing, { options: { exposeErrors: false } });
    await s.find({ key: "go" }).click();
    const [error] = errors(s) as Extract<ServerMessage, { type: "error" }>[];
    expect(error!.message).not.toContain("hunter2");
    expect(error!.ref).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(error!.message).toContain(error!.ref!);
    const log = logged.mock.calls.flat().map(String).join("\n");
    expect(log).toContain(error!.ref!);
    expect(log).toMatch(/hunter2[\s\S]*\n\s+at /);
  });

  it("off: a crashed main shows a reference, not the exception", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const s = await openSession(() => { throw new Error("cannot reach 10.0.0.7:5432"); }, { options: { exposeErrors: false } });
    const crashed = serverMessages(s).find((m) => m.type === "crashed") as Extract<ServerMessage, { type: "crashed" }>;
    expect(crashed.message).not.toContain("10.0.0.7");
    expect(crashed.message).toContain(crashed.ref!);
    expect(s.session.crashed).toContain("10.0.0.7"); // the server side (and the inspector) keeps the whole text
  });

  it("on (weft dev, weft/testing): the browser gets the whole message", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const s = await openSession(failing);
    await s.find({ key: "go" }).click();
    expect(errors(s)[0]).toMatchObject({ message: expect.stringContaining("hunter2") });
  });
});
