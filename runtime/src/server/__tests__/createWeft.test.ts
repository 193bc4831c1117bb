import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { PROTOCOL_VERSION } from "@weft/protocol";
import { Text, type Page } from "../../index.ts";
import { createWeft, type WeftApp } from "../createWeft.ts";
import { normalizeBasePath } from "../basePath.ts";

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

/** A node:http host whose own listener answers `/api` and hands the rest to the apps in turn. */
async function host(...apps: WeftApp[]): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    if (req.url === "/api") return res.end("api");
    const next = (i: number): void => {
      const app = apps[i];
      if (!app) {
        res.statusCode = 404;
        return void res.end("host 404");
      }
      app.handler(req, res, () => next(i + 1));
    };
    next(0);
  });
  for (const app of apps) app.attach(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanup.push(() => new Promise((resolve) => server.close(resolve)));
  for (const app of apps) cleanup.push(() => app.close());
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A tab's socket: registers, collects frames, and can wait for one. */
function tab(url: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(url, { headers });
  const messages: { type: string; sessionId?: string }[] = [];
  ws.on("message", (data) => messages.push(JSON.parse(String(data))));
  ws.on("error", () => {});
  const opened = new Promise<void>((resolve) => ws.once("open", () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: String(reason) })));
  const register = async (sessionId?: string) => {
    await opened;
    ws.send(JSON.stringify({ type: "register", protocol: PROTOCOL_VERSION, sessionId, client: { route: "/" } }));
    await until(() => messages.some((m) => m.type === "registered"));
    return messages.find((m) => m.type === "registered")!.sessionId!;
  };
  return { ws, messages, closed, register };
}

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 5));
}

describe("createWeft", () => {
  it("normalizes its base path and refuses one that is not a plain path, naming the option", () => {
    expect(normalizeBasePath("dashboard/")).toBe("/dashboard");
    expect(normalizeBasePath("")).toBe("/");
    expect(() => createWeft(() => {}, { basePath: "/a/../b" })).toThrow(/basePath "\/a\/\.\.\/b" is not a plain path/);
    expect(() => createWeft(() => {}, { basePath: "/a?b" })).toThrow(TypeError);
  });

  it("serves its page under the base path with the page's <base href> rewritten, and leaves other paths to the host", async () => {
    const app = createWeft(() => {}, { basePath: "/dashboard" });
    const { origin } = await host(app);
    for (const path of ["/dashboard", "/dashboard/", "/dashboard/settings/deep"]) {
      const res = await fetch(origin + path, { headers: { accept: "text/html" } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<base href="/dashboard/" />');
    }
    expect(await (await fetch(origin + "/api")).text()).toBe("api");
    const other = await fetch(origin + "/dashboards");
    expect([other.status, await other.text()]).toEqual([404, "host 404"]);
  });

  it("refuses a foreign Host (DNS rebinding) with 403, and says which basePath to pass when mounted elsewhere", async () => {
    const app = createWeft(() => {}, { basePath: "/dashboard" });
    const { origin } = await host(app);
    const { request } = await import("node:http");
    const status = await new Promise<number>((resolve, reject) => {
      request(origin + "/dashboard/", { headers: { host: "evil.example" } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      })
        .on("error", reject)
        .end();
    });
    expect(status).toBe(403);

    // An Express-style mount at /admin (url stripped, originalUrl kept) of an app made for /dashboard.
    const express = createServer((req, res) => {
      Object.assign(req, { originalUrl: req.url, url: req.url!.slice("/admin".length) || "/" });
      app.handler(req, res, () => res.end("next"));
    });
    await new Promise<void>((resolve) => express.listen(0, "127.0.0.1", resolve));
    cleanup.push(() => new Promise((resolve) => express.close(resolve)));
    const res = await fetch(`http://127.0.0.1:${(express.address() as AddressInfo).port}/admin/x`);
    expect(res.status).toBe(500);
    expect(await res.text()).toMatch(/mounted at "\/admin", but its basePath is "\/dashboard".*createWeft\(main, \{ basePath: "\/admin" \}\)/);
  });

  it("keeps two apps of one server apart, and leaves an upgrade to another path to the host's own WebSocket server", async () => {
    const made: string[] = [];
    const dashboard = createWeft((page: Page) => (made.push("dashboard"), page.add(new Text("d"))), { basePath: "/dashboard" });
    const admin = createWeft((page: Page) => (made.push("admin"), page.add(new Text("a"))), { basePath: "/admin" });
    const { server, origin } = await host(dashboard, admin);
    // The host's own socket endpoint, on the same server: weft must not destroy its upgrades.
    const chat = new WebSocketServer({ noServer: true });
    cleanup.push(() => new Promise((resolve) => chat.close(resolve)));
    server.on("upgrade", (req, socket, head) => {
      if (req.url === "/chat") chat.handleUpgrade(req, socket, head, (ws) => ws.send("hello from the host"));
    });

    const d = tab(`${origin.replace("http", "ws")}/dashboard/ws`);
    const a = tab(`${origin.replace("http", "ws")}/admin/ws`);
    const dId = await d.register();
    const aId = await a.register();
    expect(made).toEqual(["dashboard", "admin"]);
    expect([...dashboard.sessions.keys()]).toEqual([dId]);
    expect([...admin.sessions.keys()]).toEqual([aId]);

    const hostSocket = new WebSocket(`${origin.replace("http", "ws")}/chat`);
    expect(String(await new Promise((resolve) => hostSocket.once("message", resolve)))).toBe("hello from the host");
    hostSocket.close();

    d.ws.close();
    a.ws.close();
  });

  it("answers an upgrade no listener takes with 404 when every upgrade listener of the server is a weft app's", async () => {
    const { origin } = await host(createWeft(() => {}, { basePath: "/dashboard" }), createWeft(() => {}, { basePath: "/admin" }));
    const lost = new WebSocket(`${origin.replace("http", "ws")}/nowhere`);
    const refused = await new Promise<number>((resolve) => lost.once("unexpected-response", (_req, res) => resolve(res.statusCode!)));
    expect(refused).toBe(404);
  });

  it("gives page.request the upgrade's url, headers and cookies, refreshed when the tab resumes", async () => {
    const seen: string[] = [];
    let current: Page | undefined;
    const app = createWeft((page: Page) => {
      current = page;
      seen.push(page.request.cookies.sid ?? "none");
    }, { basePath: "/dashboard" });
    const { origin } = await host(app);
    const first = tab(`${origin.replace("http", "ws")}/dashboard/ws?x=1`, { cookie: "sid=abc%20d; theme=dark" });
    const id = await first.register();
    expect(current!.request.url).toBe("/dashboard/ws?x=1");
    expect(current!.request.cookies).toEqual({ sid: "abc d", theme: "dark" });
    expect(current!.request.headers.host).toBe(new URL(origin).host);
    first.ws.close();
    await first.closed;

    const again = tab(`${origin.replace("http", "ws")}/dashboard/ws`, { cookie: "sid=new" });
    expect(await again.register(id)).toBe(id);
    expect(current!.request.cookies).toEqual({ sid: "new" }); // the same session, its new upgrade
    expect(seen).toEqual(["abc d"]); // main ran once: the session resumed
    again.ws.close();
  });

  it("close() runs every session's onClose (awaiting async ones), tells each tab with 1001, and refuses new pages and sockets", async () => {
    const log: string[] = [];
    const app = createWeft((page: Page) => {
      page.onClose = async () => {
        await new Promise((r) => setTimeout(r, 20));
        log.push(`closed ${page.sessionId}`);
      };
    }, { basePath: "/dashboard" });
    const { origin } = await host(app);
    const t = tab(`${origin.replace("http", "ws")}/dashboard/ws`);
    const id = await t.register();

    await app.close("maintenance");
    expect(log).toEqual([`closed ${id}`]);
    expect(await t.closed).toEqual({ code: 1001, reason: "maintenance" });
    expect(app.sessions.size).toBe(0);
    expect((await fetch(`${origin}/dashboard/`)).status).toBe(503);
    const late = new WebSocket(`${origin.replace("http", "ws")}/dashboard/ws`);
    expect(await new Promise<number>((resolve) => late.once("unexpected-response", (_req, res) => resolve(res.statusCode!)))).toBe(503);
    expect(await (await fetch(`${origin}/api`)).text()).toBe("api"); // the host's server is the host's
  });

  it("serves its assetsDir at its root, under the base path", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "weft-assets-"));
    writeFileSync(join(dir, "logo.svg"), "<svg/>");
    const app = createWeft(() => {}, { basePath: "/dashboard", assetsDir: dir });
    const { origin } = await host(app);
    const res = await fetch(`${origin}/dashboard/logo.svg`);
    expect([res.status, await res.text()]).toEqual([200, "<svg/>"]);
    expect(() => createWeft(() => {}, { assetsDir: join(dir, "missing") })).toThrow(/assetsDir/);
  });
});
