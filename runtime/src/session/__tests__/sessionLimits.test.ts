import { afterEach, describe, expect, it, vi } from "vitest";
import { Text, type Page } from "../../index.ts";
import { PROTOCOL_VERSION, type ServerMessage } from "@weft/protocol";
import { Connection, type Transport } from "../connection.ts";
import { SessionManager } from "../sessionManager.ts";

const app = (closed: string[] = []) => (page: Page) => {
  page.add(new Text("hi"));
  page.onClose = () => void closed.push(page.sessionId);
};

/** A tab on an in-memory transport; `alive` is what a ping of its socket would find. */
function tab(manager: SessionManager, ip = "127.0.0.1", alive = true) {
  const sent: ServerMessage[] = [];
  const closed: { code: number; reason: string }[] = [];
  const transport: Transport = {
    send: (text) => void sent.push(JSON.parse(text)),
    close: (code, reason) => void closed.push({ code, reason }),
    isAlive: () => Promise.resolve(alive),
  };
  const connection = new Connection(manager, transport, { ip });
  const register = (sessionId?: string) =>
    connection.receive(JSON.stringify({ type: "register", protocol: PROTOCOL_VERSION, sessionId, client: { route: "/" } }));
  const sessionId = () => (sent.find((m) => m.type === "registered") as { sessionId: string } | undefined)?.sessionId;
  return { connection, sent, closed, register, sessionId };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("sessions waiting for their tab are bounded", () => {
  it("keeps at most maxResumingSessions; the ones that disconnected first go first, and their onClose runs", () => {
    const closed: string[] = [];
    const manager = new SessionManager(app(closed), { maxResumingSessions: 3, maxResumingPerAddress: 100 });
    const tabs = Array.from({ length: 5 }, (_, i) => tab(manager, `10.0.0.${i}`));
    for (const t of tabs) t.register();
    for (const t of tabs) t.connection.closedByPeer();
    expect(closed).toEqual([tabs[0]!.sessionId(), tabs[1]!.sessionId()]);
    expect(manager.sessions.size).toBe(3);
    const back = tab(manager, "10.0.0.4");
    back.register(tabs[4]!.sessionId());
    expect(back.sent[0]).toMatchObject({ type: "registered", resumed: true });
  });

  it("keeps at most maxResumingPerAddress for one client address, without touching other addresses", () => {
    const closed: string[] = [];
    const manager = new SessionManager(app(closed), { maxResumingSessions: 100, maxResumingPerAddress: 2 });
    const other = tab(manager, "192.168.1.9");
    other.register();
    other.connection.closedByPeer();
    const flood = Array.from({ length: 50 }, () => tab(manager, "203.0.113.5"));
    for (const t of flood) {
      t.register();
      t.connection.closedByPeer();
    }
    expect(closed).toHaveLength(48);
    expect(closed).not.toContain(other.sessionId());
    expect(manager.sessions.size).toBe(3);
  });

  it("never closes a session whose tab is connected", () => {
    const manager = new SessionManager(app(), { maxResumingSessions: 1, maxResumingPerAddress: 1 });
    const live = Array.from({ length: 5 }, () => tab(manager));
    for (const t of live) t.register();
    expect(manager.sessions.size).toBe(5);
  });
});

describe("a connection that never registers", () => {
  it("is closed after registerTimeoutMs with 4004", () => {
    vi.useFakeTimers();
    const manager = new SessionManager(app(), { registerTimeoutMs: 500 });
    const silent = tab(manager);
    vi.advanceTimersByTime(499);
    expect(silent.closed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(silent.closed).toEqual([{ code: 4004, reason: expect.stringContaining("register") }]);
    const prompt = tab(manager);
    prompt.register();
    vi.advanceTimersByTime(10_000);
    expect(prompt.closed).toEqual([]);
  });
});

describe("a register naming a session whose old socket is still open", () => {
  it("takes the session over when the old socket does not answer a ping, closing it with 4003", async () => {
    const manager = new SessionManager(app());
    const old = tab(manager, "127.0.0.1", false);
    old.register();
    const next = tab(manager);
    next.register(old.sessionId());
    await vi.waitFor(() => expect(next.sent[0]).toMatchObject({ type: "registered", resumed: true, sessionId: old.sessionId() }));
    expect(old.closed).toEqual([{ code: 4003, reason: expect.stringContaining("another connection") }]);
    expect(manager.sessions.size).toBe(1);
  });

  it("gives a second tab its own session when the first one still answers (a duplicated tab)", async () => {
    const manager = new SessionManager(app());
    const first = tab(manager, "127.0.0.1", true);
    first.register();
    const copy = tab(manager);
    copy.register(first.sessionId());
    await vi.waitFor(() => expect(copy.sent[0]).toMatchObject({ type: "registered", resumed: false }));
    expect(copy.sessionId()).not.toBe(first.sessionId());
    expect(first.closed).toEqual([]);
  });

  it("handles the frames a client sends right after register, in order, once the session is decided", async () => {
    const manager = new SessionManager((page: Page) => page.add(new Text({ value: "x", key: "t" })));
    const old = tab(manager, "127.0.0.1", false);
    old.register();
    const next = tab(manager);
    next.register(old.sessionId());
    next.connection.receive(JSON.stringify({ type: "event", id: 999_999, name: "click" }));
    await vi.waitFor(() => expect(next.sent.map((m) => m.type)).toEqual(["registered", "error"]));
    expect(next.sent[1]).toMatchObject({ code: "UNKNOWN_CONTROL" });
  });
});
