import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Text } from "../../index.ts";
import { createWeftServer, type WeftServer } from "../server.ts";
import { openAppClient } from "./appClient.ts";

let server: WeftServer;
beforeAll(async () => {
  server = await createWeftServer({ main: (page) => page.add(new Text("hi")), port: 0, blockWarnMs: 60_000 });
});
afterAll(async () => server.close());

/** Waits until the server has seen the socket go and the session waits for its tab. */
async function dropped(sessionId: string): Promise<void> {
  await expect.poll(() => server.manager.sessions.get(sessionId)?.state).toBe("resuming");
}

describe("the ?session= routing key", () => {
  it("ties a new session to the key it came with; the same key resumes it", async () => {
    const first = await openAppClient(server.url, { routingKey: "tab-key-1" });
    const { sessionId } = first.registered;
    expect(server.manager.sessions.get(sessionId)?.routingKey).toBe("tab-key-1");
    first.ws.close();
    await dropped(sessionId);
    const again = await openAppClient(server.url, { routingKey: "tab-key-1", sessionId });
    expect(again.registered).toMatchObject({ sessionId, resumed: true });
    again.ws.close();
  });

  it("gives a tab that names a session with another key a new session, leaving the old one waiting", async () => {
    const first = await openAppClient(server.url, { routingKey: "tab-key-2" });
    const { sessionId } = first.registered;
    first.ws.close();
    await dropped(sessionId);
    const other = await openAppClient(server.url, { routingKey: "another-key", sessionId });
    expect(other.registered.resumed).toBe(false);
    expect(other.registered.sessionId).not.toBe(sessionId);
    expect(server.manager.sessions.get(sessionId)?.state).toBe("resuming");
    const none = await openAppClient(server.url, { sessionId });
    expect(none.registered.resumed).toBe(false);
    other.ws.close();
    none.ws.close();
  });

  it("refuses an upgrade whose key is not 1–64 characters of [A-Za-z0-9_-] with 400", async () => {
    for (const key of ["", "a b", "x".repeat(65), "ü"]) {
      await expect(openAppClient(server.url, { routingKey: key })).rejects.toMatchObject({ status: 400 });
    }
  });

  it("ties a session started before any tab (a desktop window's) to the first tab's key", async () => {
    const { session } = server.manager.sessionFor(undefined, { route: "/" }, "127.0.0.1");
    session.startDetached();
    const window = await openAppClient(server.url, { routingKey: "window-key", sessionId: session.id });
    // The first tab of a detached session gets the page main built for it (not "resumed").
    expect(window.registered.sessionId).toBe(session.id);
    expect(session.routingKey).toBe("window-key");
    window.ws.close();
    await dropped(session.id);
    const other = await openAppClient(server.url, { routingKey: "another-key", sessionId: session.id });
    expect(other.registered.resumed).toBe(false);
    other.ws.close();
  });

  it("takes clients without a key (tools, tests), which resume without one", async () => {
    const first = await openAppClient(server.url);
    const { sessionId } = first.registered;
    first.ws.close();
    await dropped(sessionId);
    const again = await openAppClient(server.url, { sessionId });
    expect(again.registered).toMatchObject({ sessionId, resumed: true });
    again.ws.close();
  });
});
