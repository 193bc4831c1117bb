import { describe, expect, it } from "vitest";
import { Text, type Page } from "../../index.ts";
import { PROTOCOL_VERSION, type ServerMessage } from "@weft/protocol";
import { Connection } from "../connection.ts";
import { SessionManager } from "../sessionManager.ts";

/**
 * A desktop window's session starts before its window (so the window opens at the size main
 * asked for): main runs with no browser, and the first browser gets the page as if it had been
 * there all along.
 */
function browser(manager: SessionManager) {
  const sent: ServerMessage[] = [];
  const connection = new Connection(manager, { send: (text) => sent.push(JSON.parse(text)), close: () => {} }, { ip: "127.0.0.1" });
  const register = (sessionId: string) => connection.receive(JSON.stringify({ type: "register", protocol: PROTOCOL_VERSION, sessionId, client: { route: "/" } }));
  return { connection, sent, register };
}

describe("Session.startDetached", () => {
  it("runs main before any browser, and gives the first browser the page it built, not a resume", () => {
    const events: string[] = [];
    const manager = new SessionManager((page: Page) => {
      events.push("main");
      page.title = "early";
      page.add(new Text({ value: "ready", key: "t" }));
      page.onConnect = () => events.push("connect");
    });
    const { session } = manager.sessionFor(undefined, { route: "/" }, "127.0.0.1");
    session.startDetached();
    expect(events).toEqual(["main"]);
    expect(session.page.title).toBe("early");

    const tab = browser(manager);
    tab.register(session.id);
    expect(tab.sent.map((m) => m.type)).toEqual(["registered"]);
    expect(tab.sent[0]).toMatchObject({ sessionId: session.id, resumed: false });
    expect(JSON.stringify(tab.sent[0])).toContain('"value":"ready"');
    expect(events).toEqual(["main"]); // onConnect is for the connections after the first
    expect(manager.sessions.size).toBe(1);
  });

  it("keeps what an async main asks the browser (clientStorage) until the browser is there, then answers it", async () => {
    const manager = new SessionManager(async (page: Page) => {
      const name = await page.clientStorage.get("name");
      page.add(new Text({ value: `hello ${String(name)}`, key: "t" }));
    });
    const { session } = manager.sessionFor(undefined, { route: "/" }, "127.0.0.1");
    session.startDetached();
    await new Promise((resolve) => setTimeout(resolve, 20)); // the browser takes its time

    const tab = browser(manager);
    tab.register(session.id);
    expect(tab.sent.map((m) => m.type)).toEqual(["registered", "invoke"]);
    const invoke = tab.sent[1] as Extract<ServerMessage, { type: "invoke" }>;
    tab.connection.receive(JSON.stringify({ type: "reply", callId: invoke.callId, result: "Ada" }));
    await session.idle();
    expect(JSON.stringify(tab.sent.at(-1))).toContain("hello Ada");
  });
});
