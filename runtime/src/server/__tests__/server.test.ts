import { get as httpGet } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Text } from "../../index.ts";
import { createWeftServer, type WeftServer } from "../server.ts";

let server: WeftServer;
beforeAll(async () => {
  server = await createWeftServer({ main: (page) => page.add(new Text("hi")), port: 0 });
});
afterAll(async () => server.close());

const rawGet = (url: URL, done: (status: number) => void) =>
  httpGet({ host: url.hostname, port: url.port, path: url.pathname }, (res) => {
    res.resume();
    done(res.statusCode ?? 0);
  });
const get = (path: string, accept = "*/*") => fetch(new URL(path, server.url), { headers: { accept } });

describe("createWeftServer", () => {
  it("binds to loopback by default", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("serves the page for the root and for any route, so deep links load the app", async () => {
    for (const path of ["/", "/todo/3", "/a/b?c=d"]) {
      const res = await get(path, "text/html");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(await res.text()).toMatch(/<div id="root">|<script/);
    }
  });

  it("answers a missing file with 404 instead of the page", async () => {
    const res = await get("/img/0.png", "image/avif,image/webp,*/*");
    expect(res.status).toBe(404);
  });

  it("serves hashed assets with long caching", async () => {
    const html = await (await get("/", "text/html")).text();
    // Relative to the page's <base href="/">: the renderer's build is relocatable.
    const script = "/" + /src="\.\/(_weft\/[^"]+\.js)"/.exec(html)![1]!;
    const res = await get(script);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/immutable/);
  });

  it("refuses a path that climbs out of the build with encoded slashes", async () => {
    // fetch would normalise `..` away; a raw request sends the path as an attacker would.
    const status = await new Promise<number>((resolve, reject) => {
      rawGet(new URL("/_weft/..%2f..%2fpackage.json", server.url), resolve).on("error", reject);
    });
    expect(status).toBe(403);
  });

  it("frees its port on close", async () => {
    const other = await createWeftServer({ main: () => {}, port: 0 });
    await other.close();
    await expect(fetch(other.url)).rejects.toThrow();
  });
});
