import { describe, expect, it } from "vitest";
import { parseClientMessage } from "../app/parse.ts";

const register = (client: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: "register", protocol: 1, client, ...extra });

describe("parseClientMessage: nesting", () => {
  it("refuses a frame nested deeper than the limit before JSON.parse builds it", () => {
    const deep = "[".repeat(20_000) + "]".repeat(20_000);
    const result = parseClientMessage(`{"type":"event","id":1,"name":"click","data":${deep}}`);
    expect(result).toMatchObject({ ok: false, code: "TOO_DEEP", message: expect.stringContaining("64") });
  });

  it("counts brackets inside strings as text, not as nesting", () => {
    const text = "[".repeat(500);
    expect(parseClientMessage(JSON.stringify({ type: "event", id: 1, name: "change", data: text }))).toMatchObject({ ok: true });
    expect(parseClientMessage(JSON.stringify({ type: "event", id: 1, name: "change", data: `\\"${text}` }))).toMatchObject({ ok: true });
  });

  it("accepts nesting up to the limit, and takes a lower limit when given", () => {
    let value: unknown = 1;
    for (let i = 0; i < 62; i++) value = [value];
    const frame = JSON.stringify({ type: "event", id: 1, name: "change", data: value });
    expect(parseClientMessage(frame)).toMatchObject({ ok: true });
    expect(parseClientMessage(frame, { maxDepth: 10 })).toMatchObject({ ok: false, code: "TOO_DEEP" });
  });
});

describe("parseClientMessage: register is checked field by field", () => {
  it.each([
    ["an object userAgent", { route: "/", userAgent: {} }, "userAgent"],
    ["an array userAgent", { route: "/", userAgent: ["Mozilla"] }, "userAgent"],
    ["a numeric platform", { route: "/", platform: 7 }, "platform"],
    ["a string width", { route: "/", width: "wide" }, "width"],
    ["a negative height", { route: "/", height: -1 }, "height"],
    ["an absurd width", { route: "/", width: Number.MAX_VALUE }, "width"],
    ["an unknown brightness", { route: "/", brightness: "dim" }, "brightness"],
    ["a string pwa", { route: "/", pwa: "yes" }, "pwa"],
    ["a numeric route", { route: 3 }, "route"],
    ["a route of 10,000 characters", { route: "/".repeat(10_000) }, "route"],
    ["a userAgent of 5,000 characters", { route: "/", userAgent: "x".repeat(5_000) }, "userAgent"],
  ])("refuses %s, naming the field", (_label, client, field) => {
    expect(parseClientMessage(register(client))).toMatchObject({ ok: false, code: "BAD_MESSAGE", message: expect.stringContaining(field) });
  });

  it("refuses a session id that is not one the server could have made", () => {
    for (const sessionId of ["x".repeat(100), "../../etc", "", "a b"]) {
      expect(parseClientMessage(register({ route: "/" }, { sessionId }))).toMatchObject({ ok: false, code: "BAD_MESSAGE", message: expect.stringContaining("sessionId") });
    }
  });

  it("keeps pwa: the page runs as an installed app (page.pwa)", () => {
    expect(parseClientMessage(register({ route: "/", pwa: true }))).toMatchObject({ ok: true, message: { client: { route: "/", pwa: true } } });
  });

  it("keeps only the client fields the protocol knows", () => {
    const result = parseClientMessage(register({ route: "/a", userAgent: "UA", platform: "linux", width: 1280, height: 720, brightness: "dark", extra: { deep: [1] }, __proto__: { polluted: true } }));
    expect(result).toEqual({
      ok: true,
      message: { type: "register", protocol: 1, client: { route: "/a", userAgent: "UA", platform: "linux", width: 1280, height: 720, brightness: "dark" } },
    });
  });
});
