import { beforeEach, describe, expect, it, vi } from "vitest";
import { Connection, ROUTING_KEY_STORAGE, sessionKeyFor } from "../Connection.ts";
import type { MessageSocket, OpenSocket } from "../MessageSocket.ts";
import { StatusStore } from "../StatusStore.ts";

/** sessionStorage as a tab has it (Node has none). */
function tabStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (name: string) => items.get(name) ?? null,
    setItem: (name: string, value: string) => void items.set(name, value),
    removeItem: (name: string) => void items.delete(name),
  };
}

const connection = (storage: ReturnType<typeof tabStorage> | null, url = "ws://app.example/ws") =>
  new Connection({ url, storage, status: new StatusStore(), onMessage: () => {}, clientInfo: () => ({ route: "/" }) });

describe("the routing key (docs/scaling.md)", () => {
  it("is chosen before the first connection, kept in the tab, and put in the upgrade URL", () => {
    const storage = tabStorage();
    const first = connection(storage);
    expect(first.routingKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(storage.items.get(ROUTING_KEY_STORAGE)).toBe(first.routingKey);
    expect(first.url).toBe(`ws://app.example/ws?session=${first.routingKey}`);
    // A refresh: the same tab, the same key.
    expect(connection(storage).routingKey).toBe(first.routingKey);
    // Another tab: another key.
    expect(connection(tabStorage()).routingKey).not.toBe(first.routingKey);
  });

  it("replaces a stored key that is not one, and keeps a query the URL has", () => {
    const storage = tabStorage({ [ROUTING_KEY_STORAGE]: "not a key!" });
    const c = connection(storage, "ws://app.example/ws?x=1");
    expect(c.routingKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(c.url).toBe(`ws://app.example/ws?x=1&session=${c.routingKey}`);
  });

  it("still has a key for this page's life when the browser forbids storage", () => {
    expect(connection(null).routingKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe("the session id's storage key", () => {
  it("is one per app: the root app's, or one per mount path, so two apps of one tab keep their own sessions", () => {
    expect(sessionKeyFor("/")).toBe("weft:session");
    expect(sessionKeyFor("/dashboard/")).toBe("weft:session:/dashboard/");
    expect(sessionKeyFor("/admin/")).not.toBe(sessionKeyFor("/dashboard/"));
  });
});

describe("start()", () => {
  /** A link the test opens and closes, as the worker's (workerSocket.ts) or a WebSocket would. */
  function scriptedLink() {
    const sent: string[] = [];
    const sockets: MessageSocket[] = [];
    const openers: (() => void)[] = [];
    const open: OpenSocket = () => {
      let isOpen = false;
      const socket: MessageSocket = {
        get isOpen() {
          return isOpen;
        },
        get readyState() {
          return isOpen ? 1 : 3;
        },
        send: (text) => void sent.push(text),
        close: () => void (isOpen = false),
        onopen: null,
        onmessage: null,
        onclose: null,
      };
      sockets.push(socket);
      // what the link's "open" does: it is open, then the Connection hears it
      openers.push(() => ((isOpen = true), socket.onopen?.()));
      return socket;
    };
    return { sent, sockets, open, opened: (i = 0) => openers[i]!() };
  }

  // The tab's window events (online, pagehide, pageshow), which Node's global has not.
  beforeEach(() => {
    const tab = new EventTarget();
    vi.stubGlobal("addEventListener", tab.addEventListener.bind(tab));
    vi.stubGlobal("removeEventListener", tab.removeEventListener.bind(tab));
    return () => vi.unstubAllGlobals();
  });

  const started = (link: ReturnType<typeof scriptedLink>) => {
    const c = new Connection({ url: "worker", open: link.open, storage: tabStorage(), status: new StatusStore(), onMessage: () => {}, clientInfo: () => ({ route: "/" }) });
    let settled = false;
    void c.start().then(() => (settled = true));
    return { c, settled: async () => (await Promise.resolve(), await Promise.resolve(), settled) };
  };

  it("resolves once `register` has gone out, not before the link is open", async () => {
    const link = scriptedLink();
    const { c, settled } = started(link);
    expect(await settled()).toBe(false);
    link.opened();
    expect(JSON.parse(link.sent[0]!)).toMatchObject({ type: "register" });
    expect(await settled()).toBe(true);
    c.stop();
  });

  it("resolves when the first link fails before it opens (a server that is down)", async () => {
    const link = scriptedLink();
    const { c, settled } = started(link);
    link.sockets[0]!.onclose?.(1006, "");
    expect(await settled()).toBe(true);
    expect(link.sent).toEqual([]);
    c.stop();
  });
});
