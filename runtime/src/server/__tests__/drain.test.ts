import { describe, expect, it } from "vitest";
import { CloseCode } from "@weft/protocol";
import { Button, Text, type Page } from "../../index.ts";
import { createWeftServer } from "../server.ts";
import { openAppClient } from "./appClient.ts";

/** An app whose lifecycle handlers write into `log`; `onClose` waits for `release` when given one. */
function lifecycleApp(log: string[], release?: Promise<void>) {
  return (page: Page) => {
    const name = page.route.slice(1) || "tab";
    page.onDisconnect = () => void log.push(`disconnect ${name}`);
    page.onClose = async () => {
      log.push(`close ${name}`);
      await release;
      log.push(`closed ${name}`);
    };
    page.add(new Text(name), new Button({ text: "x", onClick: () => {} }));
  };
}

const status = async (url: string) => (await fetch(url)).status;

describe("drain", () => {
  it("answers /healthz with 200 while accepting and 503 from the moment it drains", async () => {
    let release!: () => void;
    const log: string[] = [];
    const server = await createWeftServer({ main: lifecycleApp(log, new Promise((r) => (release = r))), port: 0 });
    expect(await status(`${server.url}healthz`)).toBe(200);
    expect(await (await fetch(`${server.url}healthz`)).text()).toBe("ok\n");
    await openAppClient(server.url, { route: "/ada" });
    const drained = server.drain();
    expect(server.draining).toBe(true);
    // onClose is still waiting: the server answers, but takes nothing new.
    await expect.poll(() => log).toContain("close ada");
    expect(await status(`${server.url}healthz`)).toBe(503);
    expect(await status(server.url)).toBe(503);
    await expect(openAppClient(server.url)).rejects.toMatchObject({ status: 503 });
    release();
    expect(await drained).toMatchObject({ sessions: 1, tabs: 1, unfinished: 0 });
    await expect(fetch(server.url)).rejects.toThrow(); // the port is free
  });

  it("tells each tab to reconnect (1001), then runs every session's onDisconnect and onClose, waiting for them", async () => {
    const log: string[] = [];
    const server = await createWeftServer({ main: lifecycleApp(log), port: 0 });
    const ada = await openAppClient(server.url, { route: "/ada" });
    const bob = await openAppClient(server.url, { route: "/bob" });
    // A session whose tab is gone already is closed too.
    const gone = await openAppClient(server.url, { route: "/gone" });
    gone.ws.close();
    await expect.poll(() => log).toContain("disconnect gone");
    const report = await server.drain();
    expect(await ada.closed).toEqual({ code: CloseCode.GoingAway, reason: "this server is draining; reconnect" });
    expect((await bob.closed).code).toBe(CloseCode.GoingAway);
    expect(report).toMatchObject({ sessions: 3, tabs: 2, unfinished: 0 });
    for (const name of ["ada", "bob"]) {
      expect(log.indexOf(`disconnect ${name}`)).toBeLessThan(log.indexOf(`close ${name}`));
    }
    expect(log.filter((line) => line.startsWith("closed "))).toHaveLength(3);
    expect(server.manager.sessions.size).toBe(0);
  });

  it("stops waiting for handlers at the bound and closes all the same", async () => {
    const log: string[] = [];
    const server = await createWeftServer({ main: lifecycleApp(log, new Promise(() => {})), port: 0 });
    await openAppClient(server.url, { route: "/stuck" });
    const t0 = performance.now();
    const report = await server.drain({ timeoutMs: 300 });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(report).toMatchObject({ sessions: 1, unfinished: 1 });
    expect(log).toEqual(["disconnect stuck", "close stuck"]);
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it("drains once: a second call gets the same report", async () => {
    const server = await createWeftServer({ main: lifecycleApp([]), port: 0 });
    const first = server.drain();
    expect(server.drain()).toBe(first);
    await first;
  });
});
