import { existsSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";

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

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * `weft preview <dir>`: serves a static build as a static host does, GitHub Pages in
 * particular, so what works here works there: files only, under the build's base path (read
 * from its page); a folder answers with its index.html, `/repo` redirects to `/repo/`; a path
 * that is no file gets the site's `404.html` with status 404 (GitHub Pages' rule: that is how a
 * deep link opens), never a quiet index.html fallback that a real host would not give.
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const dir = resolve(options.dir);
  if (!existsSync(join(dir, "index.html"))) throw new PreviewError(`${dir} has no index.html: build the site first (weft build <app.ts> --static --out ${options.dir})`);
  const base = baseOf(readFileSync(join(dir, "index.html"), "utf8"));
  const host = options.host ?? "127.0.0.1";

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") return answer(res, 405, "method not allowed\n", { allow: "GET, HEAD" });
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://preview").pathname);
    } catch {
      return answer(res, 400, "bad request: the path is not valid percent-encoding\n");
    }
    if (path.includes("\0")) return answer(res, 400, "bad request\n");
    if (path + "/" === base) return answer(res, 301, "", { location: base });
    if (!path.startsWith(base)) return notFound(req, res, dir);
    const file = normalize(join(dir, path.slice(base.length)));
    if (file !== dir && !file.startsWith(dir + sep)) return notFound(req, res, dir);
    let target = file;
    try {
      if (statSync(target).isDirectory()) {
        if (!path.endsWith("/")) return answer(res, 301, "", { location: path + "/" });
        target = join(target, "index.html");
      }
      return send(req, res, target, 200, await readFile(target));
    } catch {
      return notFound(req, res, dir);
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error("weft preview: while answering", req.url, err);
      if (!res.headersSent) answer(res, 500, "internal error\n");
      else res.destroy();
    });
  });
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

function send(req: IncomingMessage, res: ServerResponse, file: string, status: number, body: Buffer): void {
  res.writeHead(status, {
    "content-type": types[extname(file)] ?? "application/octet-stream",
    "content-length": body.length,
    // GitHub Pages' own header: caches may keep a file ten minutes.
    "cache-control": "max-age=600",
    "x-content-type-options": "nosniff",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

async function notFound(req: IncomingMessage, res: ServerResponse, dir: string): Promise<void> {
  const page = join(dir, "404.html");
  try {
    send(req, res, page, 404, await readFile(page));
  } catch {
    answer(res, 404, "not found\n");
  }
}

function answer(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(text);
}
