import { get as httpGet } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Text } from "../../index.ts";
import { createWeftServer, type WeftServer } from "../server.ts";
import { getAsSent } from "./getAsSent.ts";

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

const request = (path: string, headers: Record<string, string> = {}, port = Number(new URL(server.url).port)) => getAsSent(port, path, headers);

describe("createWeftServer: what it refuses", () => {
  it.each(["/%", "//", "/_weft/%E0%A4%A", "/%00", "*", "http://evil.example/"])("answers %s with 400 and keeps serving", async (path) => {
    expect((await request(path)).status).toBe(400);
    expect((await request("/", { accept: "text/html" })).status).toBe(200);
  });

  it("answers a foreign Host with 403 naming the option, and serves the names of this machine and IP addresses", async () => {
    const refused = await request("/", { host: "evil.example" });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatch(/"evil\.example".*allowedHosts.*--allowed-hosts/s);
    for (const host of ["localhost:1234", "127.0.0.1", "[::1]:80", "192.168.1.20:8550", "app.localhost"]) {
      expect((await request("/", { host, accept: "text/html" })).status, host).toBe(200);
    }
  });

  it("serves the hosts listed in allowedHosts, and subdomains of a leading-dot entry", async () => {
    const other = await createWeftServer({ main: () => {}, port: 0, allowedHosts: ["app.example", ".corp.example"] });
    try {
      const port = other.port;
      expect((await request("/", { host: "app.example", accept: "text/html" }, port)).status).toBe(200);
      expect((await request("/", { host: "intranet.corp.example", accept: "text/html" }, port)).status).toBe(200);
      expect((await request("/", { host: "app.example.evil", accept: "text/html" }, port)).status).toBe(403);
    } finally {
      await other.close();
    }
  });

  it("answers a request from another site's page (Origin not this host) with 403", async () => {
    const refused = await request("/", { origin: "https://evil.example" });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain("allowedOrigins");
    expect((await request("/", { origin: server.url.slice(0, -1) })).status).toBe(200);
  });

  it("answers other methods than GET and HEAD with 405", async () => {
    const res = await fetch(server.url, { method: "POST", body: "x" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
  });
});
