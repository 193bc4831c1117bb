import { existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import type { RequestTarget } from "./requestTarget.ts";

/**
 * An app's own files (Flet's `assets_dir`): `assets/logo.png` is served at `<basePath>/logo.png`,
 * so `new Image({ src: "/logo.png" })` shows it wherever the app is mounted.
 *
 * Unlike the renderer's folder (build output, read once and kept: staticFiles.ts) these are the
 * developer's files: they change while the server runs, may be large (a video), and must be
 * served with ranges, conditional requests and no dotfiles. `serve-static` (Express's own) does
 * all of that and refuses paths that climb out of the folder; the request guard in front has
 * already checked the method, Host, Origin and the path's encoding. Required here, not imported
 * at the top: an app without assets never loads it (send, mime-types and mime-db's table: 0.8 MiB
 * of a server's heap).
 */
export function createAssetHandler(dir: string): (req: IncomingMessage, res: ServerResponse, target: RequestTarget) => Promise<boolean> {
  const root = resolve(dir);
  const serveStatic = createRequire(import.meta.url)("serve-static") as typeof import("serve-static");
  const serve = serveStatic(root, { index: false, redirect: false, dotfiles: "ignore", fallthrough: true });
  return (req, res, target) =>
    new Promise<boolean>((done) => {
      // serve-static reads `req.url`: give it the path below the base path, as Express does for
      // a mounted middleware, and put the original back when it passes.
      const url = req.url;
      const search = target.query.size > 0 ? `?${target.query}` : "";
      req.url = `${target.rawPath}${search}`;
      const next = (err?: unknown) => {
        req.url = url;
        // A file that cannot be read (a permission, a folder) is not an asset: go on, as for a miss.
        void err;
        done(false);
      };
      res.once("finish", () => done(true));
      res.once("close", () => done(true));
      serve(req as Parameters<typeof serve>[0], res as Parameters<typeof serve>[1], next);
    });
}

/** The folder `--assets` / `assetsDir` names, checked: a clear error beats a silent 404 for every file. */
export function checkAssetsDir(dir: string, option = "assetsDir"): string {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new TypeError(`${option}: ${root} is not a folder`);
  }
  return root;
}

/** `assets/` beside an app's file, if that folder exists (Flet's default `assets_dir`). */
export function defaultAssetsDir(appFile: string): string | undefined {
  const dir = join(dirname(resolve(appFile)), "assets");
  return existsSync(dir) && statSync(dir).isDirectory() ? dir : undefined;
}
