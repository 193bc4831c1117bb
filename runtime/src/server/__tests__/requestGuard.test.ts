import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { getAsSent } from "./getAsSent.ts";
import { createRequestGuard, type GuardedRequestHandler, type RequestGuardOptions } from "../requestGuard.ts";

let server: Server | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  if (server) await new Promise<void>((resolve) => { server!.closeAllConnections(); server!.close(() => resolve()); });
  server = undefined;
});

async function serve(handler: GuardedRequestHandler, options: Partial<RequestGuardOptions> = {}, next?: (res: import("node:http").ServerResponse) => void) {
  const guard = createRequestGuard({ host: "127.0.0.1", ...options });
  const listener = guard.http(handler);
  server = createServer((req, res) => listener(req, res, next ? () => next(res) : undefined));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", () => resolve()));
  return { guard, port: (server.address() as AddressInfo).port };
}

const get = getAsSent;

describe("the request guard", () => {
  it("answers 500 with a reference when the handler throws or rejects, logs the stack, and serves the next request", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const { port } = await serve((_req, res, { path }) => {
      if (path === "/throw") throw new Error("handler bug");
      if (path === "/reject") return Promise.reject(new Error("async handler bug"));
      res.end("fine");
    });
    for (const path of ["/throw", "/reject"]) {
      const answer = await get(port, path);
      expect(answer.status).toBe(500);
      const ref = /reference ([\w-]+)/.exec(answer.body)![1]!;
      expect(logged.mock.calls.flat().join("\n")).toMatch(new RegExp(`${ref}[\\s\\S]*handler bug[\\s\\S]*\\n\\s+at `));
    }
    expect(await get(port, "/ok")).toEqual({ status: 200, body: "fine" });
  });

  it("gives handlers the decoded path below the base path; a mount passes other paths to next()", async () => {
    const seen: string[] = [];
    const { port } = await serve(
      (_req, res, { path, query }) => {
        seen.push(`${path}?${query.get("q") ?? ""}`);
        res.end();
      },
      { basePath: "/dashboard" },
      (res) => res.writeHead(299).end("next"),
    );
    expect((await get(port, "/dashboard/a%20b?q=1")).status).toBe(200);
    expect((await get(port, "/dashboard")).status).toBe(200);
    expect(await get(port, "/elsewhere")).toEqual({ status: 299, body: "next" });
    expect((await get(port, "/dashboardx")).status).toBe(299);
    expect(seen).toEqual(["/a b?1", "/?"]);
  });

  it("answers upgrades it has no route for with 404, and leaves them alone when not exclusive", async () => {
    const { guard, port } = await serve((_req, res) => void res.end());
    const exclusive = guard.upgrades();
    server!.on("upgrade", exclusive.listener);
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/nothing-here`);
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("error", () => {});
    });
    expect(refused).toBe(404);

    server!.off("upgrade", exclusive.listener);
    const shared = guard.upgrades({ exclusive: false });
    const others: string[] = [];
    server!.on("upgrade", shared.listener);
    server!.on("upgrade", (req, socket) => {
      others.push(req.url ?? "");
      socket.destroy();
    });
    await new Promise<void>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/theirs`);
      ws.on("error", () => resolve());
    });
    expect(others).toEqual(["/theirs"]);
  });
});
