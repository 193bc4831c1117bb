import { inspect } from "node:util";
import type { WeftInspection } from "weft";
import { controlLabel, type EvalResult } from "@weft/protocol/channel";

export interface EvaluateOptions {
  /** Names in scope (`$page`, `$sel`…). */
  scope: Record<string, unknown>;
  /** How controls in the result are read (the hook's inspection API). */
  inspection: WeftInspection;
  /** How long a returned promise may take. Default 5 s. */
  timeoutMs?: number;
  /** Terminal colours in the result. Default true. */
  colors?: boolean;
}

const AsyncFunction = async function () {}.constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;

/**
 * Runs what a developer typed into the inspector's console, in the app's process: as an
 * expression first (`$sel.value`), else as statements (`for (…) …; return x`), with `await`
 * allowed. The result is formatted as Node's REPL would (util.inspect), controls shown as
 * `Button#inc { text: '+' }` instead of their internals.
 *
 * The devserver only lets loopback tools with the token call this (docs/inspector.md): it runs
 * any code with the app's rights, like the Node REPL it imitates.
 */
export async function evaluate(expression: string, options: EvaluateOptions): Promise<EvalResult> {
  const names = Object.keys(options.scope);
  const values = names.map((n) => options.scope[n]);
  const colors = options.colors ?? true;
  const format = (value: unknown) => formatValue(value, options.inspection, colors);
  const t0 = performance.now();
  let fn: (...values: unknown[]) => Promise<unknown>;
  try {
    fn = new AsyncFunction(...names, `return (\n${expression}\n);`);
  } catch {
    // Statements: like the REPL, the last one's value is the result when it is an expression.
    const cut = expression.trimEnd().replace(/;$/, "").lastIndexOf(";");
    const tail = cut >= 0 ? expression.trimEnd().replace(/;$/, "").slice(cut + 1) : "";
    try {
      fn = new AsyncFunction(...names, `${expression.slice(0, cut + 1)}\nreturn (\n${tail}\n);`);
    } catch {
      try {
        fn = new AsyncFunction(...names, expression);
      } catch (err) {
        return { text: formatError(err, format, colors), error: true, ms: performance.now() - t0 };
      }
    }
  }
  try {
    const value = await withTimeout(fn(...values), options.timeoutMs ?? 5_000);
    return { text: format(value), error: false, ms: performance.now() - t0 };
  } catch (err) {
    return { text: formatError(err, format, colors), error: true, ms: performance.now() - t0 };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no result after ${ms} ms (the promise is still pending)`)), ms);
      timer.unref?.();
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A value as the console shows it. */
export function formatValue(value: unknown, inspection: WeftInspection, colors = true): string {
  return inspect(forDisplay(value, inspection, 0, new Map()), { colors, depth: 3, maxArrayLength: 50, maxStringLength: 2_000, breakLength: 100 });
}

function formatError(err: unknown, format: (value: unknown) => string, colors: boolean): string {
  if (err instanceof Error) {
    // The frames below the console's own function are the devserver's: cut them.
    const stack = (err.stack ?? `${err.name}: ${err.message}`).split("\n");
    const cut = stack.findIndex((line) => /evaluate\.ts|AsyncFunction|eval at evaluate/.test(line));
    const text = (cut > 0 ? stack.slice(0, cut) : stack.slice(0, 6)).join("\n");
    return colors ? `\x1b[31m${text}\x1b[39m` : text;
  }
  return `Uncaught ${format(err)}`;
}

const named = new Map<string, new () => object>();
/** An empty object whose class name is `name`, so util.inspect prints `name { … }`. */
function instanceNamed(name: string): Record<string, unknown> {
  let cls = named.get(name);
  if (!cls) {
    cls = { [name]: class {} }[name]!;
    if (named.size < 1_000) named.set(name, cls);
  }
  return new cls() as Record<string, unknown>;
}

/** Controls become `Type#key { props…, on: [...], children }`; everything else is left as is. */
function forDisplay(value: unknown, inspection: WeftInspection, depth: number, seen: Map<unknown, unknown>): unknown {
  if (!inspection.isControl(value)) {
    if (depth === 0 && Array.isArray(value) && value.some((v) => inspection.isControl(v))) return value.map((v) => forDisplay(v, inspection, depth + 1, seen));
    return value;
  }
  const done = seen.get(value);
  if (done) return done;
  const node = inspection.node(value);
  const key = node.p.key;
  const out = instanceNamed(controlLabel(inspection.typeName(value), value.id, key));
  seen.set(value, out);
  out.id = value.id;
  for (const [name, prop] of Object.entries(node.p)) if (name !== "key") out[name] = prop;
  if (node.h?.length) out.on = node.h;
  for (const [slot, children] of inspection.children(value)) {
    out[slot] = depth >= 2 ? `[${children.length} control${children.length === 1 ? "" : "s"}]` : children.map((c) => forDisplay(c, inspection, depth + 1, seen));
  }
  return out;
}
