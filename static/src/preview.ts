import { existsSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize, resolve, sep } from "node:path";
import { createRequestGuard, createStaticHandler, type GuardedRequestHandler } from "weft/server";

export interface PreviewOptions {
  /** The built site (what `weft build --static --out` wrote). */
  dir: string;
  /** Default 4173 (Vite's preview port); 0 picks a free one. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface PreviewServer {
  /** The site's URL, its base path included. */
  readonly url: string;
  readonly port: number;
  readonly base: string;
  close(): Promise<void>;
}


/**
 * `weft preview <dir>`: serves a static build as a static host does, GitHub Pages in
 * particular, so what works here works there: files only, under the build's base path (read
 * from its page); a folder answers with its index.html, `/repo` redirects to `/repo/`; a path
 * that is no file gets the site's `404.html` with status 404 (GitHub Pages' rule: that is how a
 * deep link opens), never a quiet index.html fallback that a real host would not give. Behind
 * weft's request guard and static handler, as every weft server.
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const dir = resolve(options.dir);
  if (!existsSync(join(dir, "index.html"))) throw new PreviewError(`${dir} has no index.html: build the site first (weft build <app.ts> --static --out ${options.dir})`);
  const base = baseOf(readFileSync(join(dir, "index.html"), "utf8"));
  const host = options.host ?? "127.0.0.1";
  const files = createStaticHandler({ dir });
  const notFound = async (res: ServerResponse) => {
    try {
      const body = await readFile(join(dir, "404.html"));
      res.writeHead(404, { "content-type": "text/html; charset=utf-8", "content-length": body.length, "x-content-type-options": "nosniff" });
      res.end(res.req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
    }
  };
  // weft's request guard: a target that is not a clean path gets 400, a foreign Host 403 (a
  // DNS-rebinding page), other methods 405, and nothing a request does reaches the process.
  const guard = createRequestGuard({ name: "weft preview", host, basePath: base });
  const handle: GuardedRequestHandler = async (req, res, target) => {
    const asked = (req.url ?? "/").split("?")[0]!;
    if (asked + "/" === base) return void res.writeHead(301, { location: base }).end();
    const file = normalize(join(dir, target.path));
    if (file !== dir && !file.startsWith(dir + sep)) return notFound(res);
    let found: string | null = null;
    try {
      const stat = statSync(file);
      if (stat.isFile()) found = file;
      else if (stat.isDirectory()) {
        if (!target.path.endsWith("/")) return void res.writeHead(301, { location: asked + "/" }).end();
        if (existsSync(join(file, "index.html"))) found = join(file, "index.html");
      }
    } catch {
      // no such file: the 404 page
    }
    if (!found) return notFound(res);
    return files(req, res, { ...target, path: "/" + found.slice(dir.length + 1).split(sep).join("/") });
  };
  const server: Server = createServer(guard.http(handle));
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 4173, host, () => {
      server.off("error", fail);
      done();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}${base}`,
    port,
    base,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

export class PreviewError extends Error {
  override name = "PreviewError";
}

/** The base path a build was made for: its page's `<base href>`. */
export function baseOf(html: string): string {
  const href = /<base href="([^"]*)"/.exec(html)?.[1];
  return href && href.startsWith("/") ? (href.endsWith("/") ? href : href + "/") : "/";
}
