import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, extname, join, normalize, sep } from "node:path";
import { existsSync } from "node:fs";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
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

export interface StaticOptions {
  dir: string;
  /** HTML put before `</head>` of the page (the devserver's overlay client). */
  injectHtml?: string;
}

/**
 * Serves the renderer: hashed assets under `/_weft/` (cached for good), and `index.html` for
 * every other GET, so a deep link (`/todo/3`) loads the app, which then asks for that route.
 */
export function createStaticHandler(options: StaticOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const cache = new Map<string, Buffer>();
  const load = async (file: string) => {
    let body = cache.get(file);
    if (!body) {
      body = await readFile(file);
      if (file.endsWith("index.html") && options.injectHtml) {
        body = Buffer.from(body.toString("utf8").replace("</head>", `${options.injectHtml}</head>`));
      }
      cache.set(file, body);
    }
    return body;
  };

  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const isAsset = path.startsWith("/_weft/") || path === "/favicon.svg";
    // The page is the answer for routes (`/todo/3`), not for files: an image or script that is
    // not there gets a 404, not an HTML page in its place.
    if (!isAsset && extname(path) !== "" && !String(req.headers.accept ?? "").includes("text/html")) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${path}`);
      return;
    }
    const file = isAsset ? normalize(join(options.dir, path)) : join(options.dir, "index.html");
    if (!file.startsWith(options.dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    load(file).then(
      (body) => {
        res.writeHead(200, {
          "content-type": types[extname(file)] ?? "application/octet-stream",
          "content-length": body.length,
          "cache-control": isAsset ? "public, max-age=31536000, immutable" : "no-cache",
        });
        res.end(req.method === "HEAD" ? undefined : body);
      },
      () => {
        res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${path}`);
      },
    );
  };
}
