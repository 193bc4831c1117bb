import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { ErrorInfo } from "@weft/protocol/channel";
import { SwapBuildError } from "weft/swap";

/**
 * Turns whatever a save produced (a parser's error, an exception at import, an exception while
 * the new main built the page) into what the overlay and the terminal show: the message, the
 * place as file:line:col, and a code frame. Vite's error middleware does the same for browsers.
 */
export function describeBuildError(err: unknown, root: string): ErrorInfo {
  const cause = err instanceof SwapBuildError ? err.error : err;
  const info: ErrorInfo = {
    name: cause instanceof Error ? cause.name : "Error",
    message: cause instanceof Error ? cause.message : String(cause),
  };
  if (cause instanceof Error && cause.stack) info.stack = cause.stack;
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code === "string") info.code = code;

  // Rolldown/oxc parse errors: `errors[0]` has the location (column 0-based) and a clean message.
  const first = (cause as { errors?: { message?: string; code?: string; loc?: { file?: string; line: number; column: number } }[] } | null)?.errors?.[0];
  const loc = first?.loc ?? (cause as { loc?: { file?: string; line: number; column: number } } | null)?.loc;
  const id = (cause as { id?: string } | null)?.id;
  if (first?.message) {
    info.message = cleanParserMessage(first.message);
    info.name = "SyntaxError";
    if (first.code) info.code = first.code;
    delete info.stack;
  }
  if (loc && (loc.file ?? id)) {
    info.file = loc.file ?? id;
    info.line = loc.line;
    info.column = loc.column + 1;
  } else if (cause instanceof Error && cause.stack) {
    const place = firstAppFrame(cause.stack, root);
    if (place) Object.assign(info, place);
  }
  if (info.file && info.line) {
    const frame = codeFrame(info.file, info.line, info.column ?? 1);
    if (frame) info.frame = frame;
  }
  return info;
}

/** `app.ts:12:5` relative to the app's folder. */
export function placeOf(info: ErrorInfo, root: string): string {
  if (!info.file) return "";
  return `${relative(root, info.file) || info.file}:${info.line ?? 1}:${info.column ?? 1}`;
}

/** What the terminal prints for a save that could not be taken. */
export function formatBuildError(info: ErrorInfo, root: string, what: string): string {
  const place = placeOf(info, root);
  const head = `weft: ${what}: ${place ? place + ": " : ""}${info.name !== "Error" && info.name !== "SyntaxError" ? info.name + ": " : ""}${info.message}`;
  const tail = "  (the old code keeps serving; the next good save takes over)";
  return [head, info.frame ? indent(info.frame) : "", tail].filter(Boolean).join("\n");
}

/** The lines around a place, with a caret under the column (1-based line and column). */
export function codeFrame(file: string, line: number, column: number, context = 2): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return "";
  }
  const lines = text.split(/\r?\n/);
  if (line < 1 || line > lines.length) return "";
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    out.push(`${n === line ? ">" : " "} ${String(n).padStart(width)} | ${lines[n - 1]}`);
    if (n === line) out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, column - 1))}^`);
  }
  return out.join("\n");
}

function firstAppFrame(stack: string, root: string): { file: string; line: number; column: number } | null {
  for (const match of stack.matchAll(/(?:\(|at |\s)((?:file:\/\/)?\/[^\s():]+):(\d+):(\d+)/g)) {
    let file = match[1]!;
    if (file.startsWith("file://")) file = fileURLToPath(file);
    if (file.includes("/node_modules/") || !file.startsWith(root)) continue;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return null;
}

function cleanParserMessage(message: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = message.replace(/\u001b\[[0-9;]*m/g, "");
  const line = plain.split("\n").find((l) => l.trim() !== "") ?? plain;
  return line.replace(/^\s*\[[A-Z_]+\]\s*/, "").trim();
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => "  " + l)
    .join("\n");
}
