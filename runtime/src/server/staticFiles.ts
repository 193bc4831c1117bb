import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, extname, join, normalize, sep } from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GuardedRequestHandler } from "./requestGuard.ts";
import type { RequestTarget } from "./requestTarget.ts";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".webmanifest": "application/manifest+json",
  ".map": "application/json",
};

/** Where the built renderer lives (`renderer/dist`), or a clear error telling how to build it. */
export function rendererDir(): string {
  const pkg = createRequire(import.meta.url).resolve("@weft/renderer/package.json");
  const dir = join(dirname(pkg), "dist");
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(`weft: the renderer is not built (${dir}/index.html is missing). Run: npm run build`);
  }
  return dir;
}

/** What `createStaticHandler` serves and how. */
export interface StaticOptions {
  /** The folder served; nothing outside it ever is. */
  dir: string;
  /**
   * Answer paths that are not files with `index.html` (a single-page app's routes: a deep link
   * `/todo/3` loads the page, which then asks for that route). Requests for something that looks
   * like a file (`/img/0.png`) and do not accept HTML still get a 404. Default false.
   */
  spaFallback?: boolean;
  /** Files whose names carry a content hash: cached for good. Default: none. */
  immutable?: (path: string) => boolean;
  /** Rewrites `index.html` once, when it is first read (the page config, the overlay client: basePath.ts). */
  renderIndex?: (html: string) => string;
  /**
   * Asked about a path that is no file of the folder, before the single-page fallback: answers
   * it and resolves true (a file of the app's `assetsDir`), or resolves false to go on.
   */
  orElse?: (req: IncomingMessage, res: ServerResponse, target: RequestTarget) => Promise<boolean>;
}

/**
 * Serves the files of one folder, behind the request guard (which has already decoded and
 * checked the path and the method). The one static server of weft: the app's renderer and the
 * devserver's inspector page both use it. Files are read once and kept: the folders are build
 * output, small and fixed while the server runs.
 */
export function createStaticHandler(options: StaticOptions): GuardedRequestHandler {
  const root = normalize(options.dir);
  const cache = new Map<string, Buffer>();
  const load = async (file: string) => {
    let body = cache.get(file);
    if (!body) {
      body = await readFile(file);
      if (file === join(root, "index.html") && options.renderIndex) {
        body = Buffer.from(options.renderIndex(body.toString("utf8")));
      }
      cache.set(file, body);
    }
    return body;
  };
  const send = (res: Parameters<GuardedRequestHandler>[1], file: string, body: Buffer, immutable: boolean) => {
    res.writeHead(200, {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "content-length": body.length,
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      "x-content-type-options": "nosniff",
    });
    res.end(res.req.method === "HEAD" ? undefined : body);
  };
  const notFound = (res: Parameters<GuardedRequestHandler>[1], path: string) => {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" }).end(`not found: ${path}\n`);
  };

  return async (req, res, { path, rawPath, query }) => {
    const file = normalize(join(root, path === "/" ? "index.html" : path));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("outside the served folder\n");
      return;
    }
    try {
      return send(res, file, await load(file), options.immutable?.(path) ?? false);
    } catch {
      // not a file of the folder (a route, a directory, a typo): below
    }
    if (options.orElse && (await options.orElse(req, res, { path, rawPath, query }))) return;
    const looksLikeFile = extname(path) !== "" && !String(req.headers.accept ?? "").includes("text/html");
    if (!options.spaFallback || looksLikeFile) return notFound(res, path);
    const index = join(root, "index.html");
    try {
      send(res, index, await load(index), false);
    } catch {
      notFound(res, path);
    }
  };
}
