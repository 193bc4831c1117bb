import { readFileSync } from "node:fs";

/** Where an error points in a source file (1-based line, 1-based column). */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/**
 * The lines around a location with a caret under the column, like Vite's and Babel's frames:
 *
 *     3 |   page.title = "x"
 *   > 4 |   const = 5;
 *       |         ^
 */
export function codeFrame(loc: SourceLocation, source?: string, context = 2): string {
  let text = source;
  if (text === undefined) {
    try {
      text = readFileSync(loc.file, "utf8");
    } catch {
      return "";
    }
  }
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, loc.line - context);
  const last = Math.min(lines.length, loc.line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const gutter = String(n).padStart(width);
    out.push(`${n === loc.line ? ">" : " "} ${gutter} | ${lines[n - 1]}`);
    if (n === loc.line) out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, loc.column - 1))}^`);
  }
  return out.join("\n");
}

/**
 * The first place in `file` that an error points at: esbuild's (tsx's) transform errors carry a
 * location; runtime errors have it in their stack.
 */
export function locateError(err: unknown, file: string): SourceLocation | null {
  const located = (err as { errors?: { location?: { file: string; line: number; column: number } }[] })?.errors?.[0]?.location;
  if (located) return { file: located.file, line: located.line, column: located.column + 1 };
  const stack = err instanceof Error ? err.stack ?? "" : "";
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`(?:file://)?${escaped}:(\\d+):(\\d+)`).exec(stack);
  return match ? { file, line: Number(match[1]), column: Number(match[2]) } : null;
}
