import { describe, expect, it } from "vitest";
import { Connection, ROUTING_KEY_STORAGE } from "../Connection.ts";
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
