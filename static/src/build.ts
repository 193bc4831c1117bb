import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build, defaultClientConditions, type Rollup } from "vite";
import { browserOnlyPlugin, describeBrowserImport, type BrowserImport } from "./browserOnly.ts";
import { buildServiceWorker } from "./buildServiceWorker.ts";
import { processConditions } from "./conditions.ts";
import { sitePage } from "./sitePage.ts";
import { standardDecorators } from "./standardDecorators.ts";
import { formatWritten, kB, listWritten, type WrittenFile } from "./sizeReport.ts";
import { icons, webManifest } from "./webManifest.ts";
import { WORKER_ENTRY, workerEntryPlugin } from "./workerEntry.ts";

export interface StaticBuildOptions {
  /** The app module (its default export is `main`). */
  entry: string;
  /** The folder to write; emptied first. */
  outDir: string;
  /** Where the site is served: "/" (default) or a sub-path such as "/repo/" (GitHub Pages). */
  base?: string;
  /** The installed app's name and the page's first title. Default: the app file's name. */
  name?: string;
  /** Progress and the table of what was written. Default: console.log. */
  log?: (line: string) => void;
  /** Colour the table. Default: when stdout is a terminal. */
  color?: boolean;
  /** The renderer's build (a `renderer/dist` folder) to ship. Default: `@weft/renderer`'s. Benchmarks compare two. */
  renderer?: string;
}

export interface StaticBuildResult {
  outDir: string;
  base: string;
  /** Every file written, with sizes. */
  files: WrittenFile[];
  /** The worker script (the app and the runtime), relative to the site. */
  worker: string;
  /** What the first visit fetches before the app shows (page, renderer, styles, worker): bytes and gzipped bytes. */
  firstLoad: { bytes: number; gzip: number };
  /** What the service worker keeps for offline use. */
  precache: { count: number; bytes: number };
  ms: number;
}

/** A build that cannot be made; `imports` lists what the app needs and a browser lacks. */
export class StaticBuildError extends Error {
  override name = "StaticBuildError";
  constructor(
    message: string,
    readonly imports: BrowserImport[] = [],
  ) {
    super(message);
  }
}

const THEME_COLOR = "#1565c0";

/**
 * `weft build <app> --static`: a folder any static host serves. The renderer is weft's own
 * build (copied as it is); the app and the runtime are bundled by Vite into one module worker,
 * where the session lives; the page says "run the app in that worker" and where the site's base
 * is; a web app manifest and a Workbox service worker make it installable and offline-capable;
 * `404.html` (a copy of the page) lets GitHub Pages-style hosts open deep links.
 */
export async function buildStatic(options: StaticBuildOptions): Promise<StaticBuildResult> {
  const t0 = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const entry = resolve(options.entry);
  if (!existsSync(entry) || !statSync(entry).isFile()) throw new StaticBuildError(`no app at ${entry}`);
  const base = normalizeBase(options.base ?? "/");
  const outDir = resolve(options.outDir);
  const root = dirname(entry);
  checkOutDir(outDir, entry);
  const name = options.name ?? titleOf(entry);
  const renderer = options.renderer ? resolve(options.renderer) : rendererDist();

  log(`weft build: ${relative(process.cwd(), entry) || entry} for the browser (base ${base}) → ${relative(process.cwd(), outDir) || "."}/`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  // 1. The app and the runtime, as the worker's one module graph.
  const step = (label: string) => {
    const started = performance.now();
    log(`  ${label}…`);
    return () => performance.now() - started;
  };
  let done = step("bundling the app and the weft runtime into a Web Worker (Vite)");
  const found: BrowserImport[] = [];
  let output: Rollup.RollupOutput;
  try {
    output = (await build({
      configFile: false,
      envFile: false,
      root,
      base,
      mode: "production",
      logLevel: "silent",
      publicDir: false,
      resolve: { conditions: [...processConditions(), ...defaultClientConditions] },
      plugins: [standardDecorators(), browserOnlyPlugin(found), workerEntryPlugin({ app: entry, base })],
      build: {
        outDir,
        emptyOutDir: false,
        copyPublicDir: false,
        target: "es2022",
        // A worker has no document: no <link rel=modulepreload> helper around dynamic imports.
        modulePreload: false,
        reportCompressedSize: false,
        rollupOptions: {
          input: { app: WORKER_ENTRY },
          preserveEntrySignatures: false,
          output: {
            format: "es",
            entryFileNames: "_weft/app-[hash].js",
            chunkFileNames: "_weft/[name]-[hash].js",
            assetFileNames: "_weft/[name]-[hash][extname]",
            // Class and function names are the app's words on the wire and in every tool: a
            // `TodoItem extends Row` is `data-weft-type="TodoItem"`, a component is named by its
            // function. Minified names would make them `e`, `t`…
            keepNames: true,
          },
        },
      },
    })) as Rollup.RollupOutput;
  } catch (err) {
    if (found.length > 0) throw new StaticBuildError(found.map((hit) => describeBrowserImport(hit)).join("\n\n"), found);
    throw new StaticBuildError(`the app could not be bundled: ${(err as Error).message}`);
  }
  const workerChunk = output.output.find((o): o is Rollup.OutputChunk => o.type === "chunk" && o.isEntry);
  if (!workerChunk) throw new StaticBuildError("the bundler wrote no entry chunk for the worker");
  const modules = output.output.reduce((n, o) => n + (o.type === "chunk" ? Object.keys(o.modules).length : 0), 0);
  log(`  ✓ ${modules} modules bundled in ${Math.round(done())} ms`);

  // 2. The renderer (weft's own build, as it is) and the icons.
  cpSync(join(renderer, "_weft"), join(outDir, "_weft"), { recursive: true });
  const iconDir = "_weft/";
  const assets = fileURLToPath(new URL("../assets/", import.meta.url));
  for (const file of ["icon.svg", ...icons.map((icon) => icon.file)]) copyFileSync(join(assets, file), join(outDir, iconDir, file));

  // 3. The page, its 404 twin, the manifest.
  const page = sitePage({
    template: readFileSync(join(renderer, "index.html"), "utf8"),
    base,
    title: name,
    worker: workerChunk.fileName,
    serviceWorker: "sw.js",
    manifest: "manifest.webmanifest",
    favicon: `${iconDir}icon.svg`,
    icon: `${iconDir}${icons[0].file}`,
    themeColor: THEME_COLOR,
  });
  writeFileSync(join(outDir, "index.html"), page);
  // GitHub Pages (and hosts like it) answer an unknown path with /404.html, status 404, at the
  // URL asked for: the same page opens the deep link, its renderer reads the route.
  writeFileSync(join(outDir, "404.html"), page);
  // GitHub Pages runs Jekyll unless told not to, and Jekyll drops folders starting with "_".
  writeFileSync(join(outDir, ".nojekyll"), "");
  writeFileSync(join(outDir, "manifest.webmanifest"), webManifest({ name, themeColor: THEME_COLOR, iconDir }));

  // 4. The service worker, which precaches all of it.
  done = step("writing the service worker (Workbox) for offline use");
  const sw = await buildServiceWorker(outDir);
  for (const warning of sw.warnings) log(`  ! ${warning}`);
  log(`  ✓ ${sw.count} files precached (${kB(sw.size)}) in ${Math.round(done())} ms`);

  const files = listWritten(outDir);
  const firstLoad = firstLoadOf(files, page, workerChunk);
  log("");
  log(formatWritten(files, `${relative(process.cwd(), outDir) || "."}/`, options.color));
  log("");
  const ms = performance.now() - t0;
  log(`first load: ${kB(firstLoad.gzip)} gzipped (${kB(firstLoad.bytes)}); offline cache: ${sw.count} files, ${kB(sw.size)}`);
  log(`✓ built in ${(ms / 1000).toFixed(2)}s. Serve ${relative(process.cwd(), outDir) || "."}/ from any static host${base === "/" ? "" : ` at ${base}`}, or try it: npx weft preview ${relative(process.cwd(), outDir) || "."}`);
  return { outDir, base, files, worker: workerChunk.fileName, firstLoad, precache: { count: sw.count, bytes: sw.size }, ms };
}

/** "/", or a path that starts and ends with "/": `repo` and `/repo` become `/repo/`. */
export function normalizeBase(base: string): string {
  if (/^[a-z]+:\/\//i.test(base) || base.startsWith("//")) throw new StaticBuildError(`--base is a path on the site's host (like /repo/), not a URL: ${base}`);
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** The renderer's build, found by package name (`@weft/renderer`). */
function rendererDist(): string {
  const pkg = createRequire(import.meta.url).resolve("@weft/renderer/package.json");
  const dir = join(dirname(pkg), "dist");
  if (!existsSync(join(dir, "index.html"))) throw new StaticBuildError(`the renderer is not built (${dir}/index.html is missing). Run: npm run build`);
  return dir;
}

/** The folder is emptied: refuse one that holds the app or a project. */
function checkOutDir(outDir: string, entry: string): void {
  if ((entry + sep).startsWith(outDir + sep) || entry.startsWith(outDir + sep)) {
    throw new StaticBuildError(`--out ${outDir} contains the app itself, and the build empties it first; choose another folder (e.g. --out site)`);
  }
  if (existsSync(join(outDir, "package.json")) || existsSync(join(outDir, ".git"))) {
    throw new StaticBuildError(`--out ${outDir} looks like a project (it has a package.json or .git), and the build empties it first; choose another folder (e.g. --out site)`);
  }
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw new StaticBuildError(`--out ${outDir} is a file, not a folder`);
  if (existsSync(outDir) && readdirSync(outDir).length > 0 && !existsSync(join(outDir, "index.html"))) {
    throw new StaticBuildError(`--out ${outDir} is not empty and holds no earlier build; the build empties it first, so empty it yourself or choose another folder`);
  }
}

function titleOf(entry: string): string {
  const name = basename(entry, extname(entry)).replace(/[-_]+/g, " ").trim() || "weft app";
  return name[0]!.toUpperCase() + name.slice(1);
}

/** The page, the renderer's entry script and styles, and the worker with its static imports. */
function firstLoadOf(files: readonly WrittenFile[], page: string, worker: Rollup.OutputChunk): { bytes: number; gzip: number } {
  const wanted = new Set(["index.html", worker.fileName, ...worker.imports]);
  for (const match of page.matchAll(/(?:src|href)="\.\/(_weft\/[^"]+\.(?:js|css))"/g)) wanted.add(match[1]!);
  let bytes = 0;
  let gzip = 0;
  for (const f of files) {
    if (!wanted.has(f.path)) continue;
    bytes += f.bytes;
    gzip += f.gzip ?? f.bytes;
  }
  return { bytes, gzip };
}
