import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { Plugin } from "vite";

const types: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * The page of `weft dev --static`: weft's built renderer (its `_weft/` files as they are) with
 * the config that runs the app in a worker whose modules Vite serves, and Vite's client, whose
 * overlay shows a save that does not compile. Every navigation gets the page (the app routes).
 */
export function devPagePlugin(options: { rendererDir: string; workerUrl: string }): Plugin {
  let page: string | undefined;
  const pageHtml = async () => {
    if (page) return page;
    const template = await readFile(join(options.rendererDir, "index.html"), "utf8");
    const config = JSON.stringify({ transport: "worker", worker: options.workerUrl });
    page = template.replace(
      "</head>",
      `  <script type="application/json" id="weft-config">${config.replace(/</g, "\\u003c")}</script>\n    <script type="module" src="/@vite/client"></script>\n  </head>`,
    );
    return page;
  };
  return {
    name: "weft:dev-page",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? "/").split("?")[0]!);
        if (req.method !== "GET" && req.method !== "HEAD") return next();
        if (path.startsWith("/_weft/")) {
          const file = normalize(join(options.rendererDir, path));
          if (!file.startsWith(options.rendererDir + sep)) return next();
          readFile(file).then(
            (body) => res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" }).end(body),
            () => next(),
          );
          return;
        }
        const isRoute = !path.startsWith("/@") && !path.startsWith("/__") && !path.startsWith("/node_modules/") && (extname(path) === "" || path.endsWith(".html"));
        if (!isRoute || !String(req.headers.accept ?? "").includes("text/html")) return next();
        pageHtml().then(
          (html) => res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html),
          (err: unknown) => next(err),
        );
      });
    },
  };
}
