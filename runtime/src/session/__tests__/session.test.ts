import { afterEach, describe, expect, it, vi } from "vitest";
import { Button, Column, Page, ProgressBar, Text, TextField } from "../../index.ts";
import { PROTOCOL_VERSION, type RegisteredMessage, type ServerMessage } from "@weft/protocol";
import { openSession, type HeadlessSession } from "../../testing/index.ts";
import { Connection } from "../connection.ts";
import { SessionManager } from "../sessionManager.ts";

const counter = (page: Page) => {
  const count = new Text({ value: "0", key: "count" });
  page.add(count, new Button({ text: "+", key: "inc", onClick: () => void (count.value = String(Number(count.value) + 1)) }));
};

const serverMessages = (s: HeadlessSession) => s.messages.filter((m) => m.direction === "out").map((m) => m.message as ServerMessage);

/** A raw connection to a manager, recording what the server sent and how it closed. */
function rawConnection(manager: SessionManager) {
  const sent: ServerMessage[] = [];
  const closed: { code: number; reason: string }[] = [];
  const connection = new Connection(
    manager,
    { send: (text) => sent.push(JSON.parse(text)), close: (code, reason) => closed.push({ code, reason }) },
    { ip: "127.0.0.1" },
  );
  const register = (sessionId?: string) =>
    connection.receive(JSON.stringify({ type: "register", protocol: PROTOCOL_VERSION, sessionId, client: { route: "/" } }));
  return { connection, sent, closed, register };
}

afterEach(() => vi.restoreAllMocks());

describe("Session", () => {
  it("runs main and sends the whole page once, then updates after each handler", async () => {
    const s = await openSession(counter);
    expect(serverMessages(s).map((m) => m.type)).toEqual(["registered"]);
    await s.find({ key: "inc" }).click();
    await s.find({ key: "inc" }).click();
    expect(s.find({ key: "count" }).text).toBe("2");
    const patches = serverMessages(s).filter((m) => m.type === "patch");
    expect(patches).toHaveLength(2);
  });

  it("sends the state an async handler reached before its first await, then the rest", async () => {
    let release!: () => void;
    const s = await openSession((page) => {
      const bar = new ProgressBar({ key: "bar", visible: false });
      const done = new Text({ value: "", key: "done" });
      page.add(bar, done, new Button({
        text: "load", key: "load",
        onClick: async () => {
          bar.visible = true;
          await new Promise<void>((r) => (release = r));
          bar.visible = false;
          done.value = "loaded";
        },
      }));
    });
    const click = s.find({ key: "load" }).click();
    await new Promise((r) => setImmediate(r));
    expect(s.mirror.get(s.page.controls[0]!.id).p.visible).toBe(true);
    release();
    await click;
    expect(s.find({ key: "done" }).text).toBe("loaded");
    expect(s.findAll({ key: "bar" })).toHaveLength(0);
  });

  it("applies typed text on the server without echoing it back", async () => {
    let seen = "";
    const s = await openSession((page) => {
      const field = new TextField({ key: "name", onChange: (e) => void (seen = e.control.value ?? "") });
      page.add(field);
    });
    const before = serverMessages(s).length;
    await s.find({ key: "name" }).type("Ada");
    expect(seen).toBe("Ada");
    expect((s.page.controls[0] as TextField).value).toBe("Ada");
    expect(serverMessages(s).slice(before)).toEqual([]);
  });

  it("reports a handler's exception to its session, logs the stack, and carries on", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const s = await openSession((page) => {
      page.add(new Button({ text: "boom", key: "boom", onClick: () => { throw new Error("kaput"); } }));
      counter(page);
    });
    await s.find({ key: "boom" }).click();
    const error = serverMessages(s).at(-1)!;
    expect(error).toMatchObject({ type: "error", code: "HANDLER_ERROR" });
    expect((error as { message: string }).message).toContain("kaput");
    expect(errors.mock.calls.flat().join("\n")).toMatch(/kaput[\s\S]*at /);
    await s.find({ key: "inc" }).click();
    expect(s.find({ key: "count" }).text).toBe("1");
  });

  it("shows a crash when main throws, and keeps other sessions serving", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = await openSession(() => { throw new Error("main is broken"); });
    expect(serverMessages(broken)).toEqual([{ type: "crashed", message: "main is broken" }]);
    const fine = await openSession(counter);
    await fine.find({ key: "inc" }).click();
    expect(fine.find({ key: "count" }).text).toBe("1");
  });

  it("warns with its duration when a handler blocks the event loop", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const s = await openSession(
      (page) => page.add(new Button({ text: "slow", key: "slow", onClick: () => { const end = performance.now() + 30; while (performance.now() < end); } })),
      { options: { blockWarnMs: 20 } },
    );
    await s.find({ key: "slow" }).click();
    // Any call, not the first: on a loaded machine main itself may take longer than 20 ms too.
    expect(warn.mock.calls.map((call) => String(call[0])).join("\n")).toMatch(/click of Button#\d+ blocked the event loop for \d+ ms/);
  });

  it("pushes updates from a background task when it calls page.update()", async () => {
    const s = await openSession((page) => {
      const status = new Text({ value: "idle", key: "status" });
      page.add(status);
      page.runTask(async () => {
        await new Promise((r) => setTimeout(r, 5));
        status.value = "working";
        page.update();
        await new Promise((r) => setTimeout(r, 5));
        status.value = "done";
      });
    });
    expect(s.find({ key: "status" }).text).toBe("done");
    const values = serverMessages(s).flatMap((m) => (m.type === "patch" ? m.ops : [])).map((op) => (op.op === "set" ? op.props?.value : null));
    expect(values).toEqual(["working", "done"]);
  });

  it("answers an event for an unknown or foreign control id with an error and keeps the connection", async () => {
    const a = await openSession(counter);
    const b = await openSession(counter);
    const foreign = b.find({ key: "inc" }).id;
    a.send({ type: "event", id: foreign, name: "click" });
    expect(serverMessages(a).at(-1)).toEqual({ type: "error", code: "UNKNOWN_CONTROL", message: `no control ${foreign} in this session`, id: foreign });
    expect(b.find({ key: "count" }).text).toBe("0");
    await a.find({ key: "inc" }).click();
    expect(a.find({ key: "count" }).text).toBe("1");
  });

  it("refuses props the browser may not set", async () => {
    const s = await openSession((page) => page.add(new Text({ value: "x", key: "t" }), new TextField({ key: "f" })));
    s.send({ type: "props", id: s.find({ key: "t" }).id, props: { value: "hacked" } });
    expect(serverMessages(s).at(-1)).toMatchObject({ type: "error", code: "BAD_PROP" });
    s.send({ type: "props", id: s.find({ key: "f" }).id, props: { value: 42 } });
    expect((serverMessages(s).at(-1) as { message: string }).message).toBe("TextField.value must be a string, got number");
    expect((s.page.controls[0] as Text).value).toBe("x");
  });

  it("round-trips invoke/reply (clientStorage through the browser)", async () => {
    const s = await openSession(async (page) => {
      await page._session.invoke("clientStorage.set", ["theme", "dark"]);
      const theme = await page._session.invoke("clientStorage.get", ["theme"]);
      page.add(new Text({ value: String(theme), key: "theme" }));
    });
    expect(s.find({ key: "theme" }).text).toBe("dark");
  });
});

describe("Session lifecycle", () => {
  it("resumes the same session, with its state, when the tab comes back with its id", async () => {
    const manager = new SessionManager(counter);
    const first = rawConnection(manager);
    first.register();
    const registered = first.sent[0] as RegisteredMessage;
    const session = manager.sessions.get(registered.sessionId)!;
    (session.page.controls[0] as Text).value = "5";
    first.connection.closedByPeer();
    expect(session.state).toBe("resuming");

    const second = rawConnection(manager);
    second.register(registered.sessionId);
    const resumed = second.sent[0] as RegisteredMessage;
    expect(resumed).toMatchObject({ type: "registered", sessionId: registered.sessionId, resumed: true });
    expect(JSON.stringify(resumed.page)).toContain('"value":"5"');
    expect(manager.sessions.size).toBe(1);
  });

  it("closes a session whose tab does not come back within the resume window", async () => {
    vi.useFakeTimers();
    try {
      const closed = vi.fn();
      const disconnected = vi.fn();
      const manager = new SessionManager((page) => { page.onClose = closed; page.onDisconnect = disconnected; }, { resumeWindowMs: 1000 });
      const tab = rawConnection(manager);
      tab.register();
      tab.connection.closedByPeer();
      expect(disconnected).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(999);
      expect(closed).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(closed).toHaveBeenCalledTimes(1);
      expect(manager.sessions.size).toBe(0);

      const late = rawConnection(manager);
      late.register((tab.sent[0] as { sessionId: string }).sessionId);
      expect(late.sent[0]).toMatchObject({ type: "registered", resumed: false });
    } finally {
      vi.useRealTimers();
    }
  });

  it("gives a second live tab with a copied session id its own session", () => {
    const manager = new SessionManager(counter);
    const one = rawConnection(manager);
    one.register();
    const id = (one.sent[0] as { sessionId: string }).sessionId;
    const two = rawConnection(manager);
    two.register(id);
    expect((two.sent[0] as { sessionId: string }).sessionId).not.toBe(id);
  });
});

describe("Connection: bad input", () => {
  it.each([
    ["not json at all", "BAD_JSON", /frame is not JSON/],
    ['{"type":"dance"}', "UNKNOWN_TYPE", /unknown message type 'dance'/],
    ["[1,2,3]", "BAD_MESSAGE", /must be a JSON object/],
    ['{"type":"event","id":"x","name":"click"}', "BAD_MESSAGE", /positive integer 'id'/],
  ])("closes the connection on %s with a reason", (frame, code, reason) => {
    const manager = new SessionManager(counter);
    const tab = rawConnection(manager);
    tab.register();
    tab.connection.receive(frame);
    expect(tab.sent.at(-1)).toMatchObject({ type: "error", code });
    expect(tab.closed).toEqual([{ code: 4000, reason: expect.stringMatching(reason) }]);
    const other = rawConnection(manager);
    other.register();
    expect(other.sent[0]!.type).toBe("registered");
  });

  it("closes with 4001 when the client speaks another protocol version", () => {
    const tab = rawConnection(new SessionManager(counter));
    tab.connection.receive(JSON.stringify({ type: "register", protocol: 99, client: { route: "/" } }));
    expect(tab.closed[0]).toEqual({ code: 4001, reason: expect.stringMatching(/speaks weft protocol 1, the client 99/) });
  });

  it("requires register before anything else", () => {
    const tab = rawConnection(new SessionManager(counter));
    tab.connection.receive(JSON.stringify({ type: "event", id: 1, name: "click" }));
    expect(tab.closed[0]!.reason).toBe("expected 'register' first, got 'event'");
  });
});

describe("Page", () => {
  it("exposes the session's client facts", async () => {
    const s = await openSession((page) => page.add(new Column([])), { clientInfo: { userAgent: "UA/1", platform: "macos" } });
    expect(s.page.sessionId).toBe(s.session.id);
    expect(s.page.clientUserAgent).toBe("UA/1");
    expect(s.page.platform).toBe("macos");
    expect(s.page.clientIp).toBe("127.0.0.1");
    expect(s.page.web).toBe(true);
    expect(s.page.static).toBe(false);
    s.page.session.set("user", "ada");
    expect(s.page.session.get("user")).toBe("ada");
  });
});

describe("Session start", () => {
  it("sends registered first, even when an async main calls the browser before it", async () => {
    const manager = new SessionManager(async (page) => {
      const stored = await page.clientStorage.get("k");
      page.add(new Text({ value: String(stored), key: "v" }));
    });
    const tab = rawConnection(manager);
    tab.register();
    expect(tab.sent.map((m) => m.type)).toEqual(["registered", "invoke"]);
  });
});
