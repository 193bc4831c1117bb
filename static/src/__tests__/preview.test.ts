import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreview, type PreviewServer } from "../preview.ts";

let dir: string;
let server: PreviewServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "weft-preview-test-"));
  writeFileSync(join(dir, "index.html"), '<html><head><base href="/repo/" /></head><body>page</body></html>');
  writeFileSync(join(dir, "404.html"), "<html><body>not found page</body></html>");
  mkdirSync(join(dir, "_weft"));
  writeFileSync(join(dir, "_weft", "app-abc.js"), "export {};");
  writeFileSync(join(dir, "manifest.webmanifest"), "{}");
  server = await startPreview({ dir, port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET, so paths are sent as written (fetch would normalise `..`). */
function get(path: string, method = "GET"): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, path, method }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("weft preview serves a build as GitHub Pages would", () => {
  it("serves the site under the base its page names", async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/repo/`);
    expect((await get("/repo/")).body).toContain("page");
    const js = await get("/repo/_weft/app-abc.js");
    expect(js.status).toBe(200);
    expect(js.headers["content-type"]).toMatch(/text\/javascript/);
    expect((await get("/repo/manifest.webmanifest")).headers["content-type"]).toBe("application/manifest+json");
  });

  it("answers a path that is no file with 404.html and status 404: no quiet fallback to index.html", async () => {
    const res = await get("/repo/items/3");
    expect(res.status).toBe(404);
    expect(res.body).toContain("not found page");
    expect((await get("/repo/_weft/missing.js")).status).toBe(404);
  });

  it("redirects the base without its slash, and keeps everything outside the base out", async () => {
    const res = await get("/repo");
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe("/repo/");
    expect((await get("/index.html")).status).toBe(404);
    expect((await get("/repo/..%2f..%2fetc%2fpasswd")).status).toBe(404);
    expect((await get("/repo/%E0%A4%A")).status).toBe(400);
  });

  it("refuses a Host that is not this machine (a DNS-rebinding page)", async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: server.port, path: "/repo/", headers: { host: "evil.example" } }, (r) => {
        r.resume();
        resolve(r.statusCode!);
      });
      req.on("error", reject);
      req.end();
    });
    expect(res).toBe(403);
  });

  it("serves GET and HEAD only", async () => {
    expect((await get("/repo/", "POST")).status).toBe(405);
    const head = await get("/repo/", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });
});
