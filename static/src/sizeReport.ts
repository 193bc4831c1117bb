import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { styleText } from "node:util";
import { gzipSync } from "node:zlib";

export interface WrittenFile {
  /** Relative to the output folder, with forward slashes. */
  path: string;
  bytes: number;
  /** Gzipped size, for files a server would compress (not fonts or images). */
  gzip?: number;
}

const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".webmanifest", ".svg", ".txt", ".map"]);

/** Every file under `dir`, with its size and, for text, its gzipped size (what a host sends). */
export function listWritten(dir: string): WrittenFile[] {
  const out: WrittenFile[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const file = join(folder, name);
      const stat = statSync(file);
      if (stat.isDirectory()) walk(file);
      else {
        const entry: WrittenFile = { path: relative(dir, file).split("\\").join("/"), bytes: stat.size };
        if (COMPRESSIBLE.has(extname(name))) entry.gzip = gzipSync(readFileSync(file), { level: 9 }).length;
        out.push(entry);
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * The table `vite build` prints: one line per file, grouped as Vite groups them (assets, then
 * CSS, then JS, each by size), sizes in kB with the gzipped size beside. Font subsets are many
 * and alike: they are summed in one line per family unless `all`.
 */
export function formatWritten(files: readonly WrittenFile[], outLabel: string, color = process.stdout.isTTY === true): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (color ? styleText(style, text) : text);
  const group = (f: WrittenFile) => (f.path.endsWith(".js") ? 2 : f.path.endsWith(".css") ? 1 : 0);
  type Row = { label: string; style: Parameters<typeof styleText>[0]; bytes: number; gzip?: number };
  const rows: Row[] = [];
  const fonts = new Map<string, { count: number; bytes: number }>();
  for (const f of [...files].sort((a, b) => group(a) - group(b) || a.bytes - b.bytes)) {
    if (/\.(woff2?|ttf|otf)$/.test(f.path)) {
      const family = fontFamily(f.path);
      const sum = fonts.get(family) ?? { count: 0, bytes: 0 };
      sum.count++;
      sum.bytes += f.bytes;
      fonts.set(family, sum);
      continue;
    }
    rows.push({ label: `${outLabel}${f.path}`, style: group(f) === 2 ? "cyan" : group(f) === 1 ? "magenta" : "green", bytes: f.bytes, ...(f.gzip !== undefined ? { gzip: f.gzip } : {}) });
  }
  const fontRows = [...fonts].map(([family, sum]): Row => ({
    label: `${outLabel}${family}…${sum.count > 1 ? ` (${sum.count} font files)` : ""}`,
    style: "green",
    bytes: sum.bytes,
  }));
  const all = [...fontRows, ...rows];
  const width = Math.max(...all.map((r) => r.label.length));
  const sizeWidth = Math.max(...all.map((r) => kB(r.bytes).length));
  return all
    .map((r) => {
      const size = kB(r.bytes).padStart(sizeWidth);
      const gzip = r.gzip !== undefined ? paint("dim", ` │ gzip: ${kB(r.gzip).padStart(8)}`) : "";
      return `${paint("dim", r.label.slice(0, r.label.lastIndexOf("/") + 1))}${paint(r.style, r.label.slice(r.label.lastIndexOf("/") + 1))}${" ".repeat(width - r.label.length + 2)}${paint("bold", size)}${gzip}`;
    })
    .join("\n");
}

/** `_weft/roboto-cyrillic-ext-400-italic-4ESj9BbU.woff2` → `_weft/roboto`: one line for a family's subsets. */
function fontFamily(path: string): string {
  const subset = /-(latin|latin-ext|cyrillic|cyrillic-ext|greek|greek-ext|vietnamese|hebrew|math|symbols)-\d{3}-(normal|italic)-/;
  const match = subset.exec(path);
  if (match) return path.slice(0, match.index);
  return path.replace(/-[\w-]{8}\.\w+$/, "");
}

export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(2)} kB`;
}
