/**
 * The variable a component is declared as, read from the line of its `component(…)` call:
 * `const Counter = component(() => …)` gives the arrow no name of its own. React's transform
 * infers such names; `weft dev`'s transform passes them, and this covers `weft run` and tests,
 * which have no transform. The call's stack is captured when the component is declared (once
 * per declaration) and read only when the name is first shown; the source line is read from
 * disk, so only where a `node:fs` is at hand (Node), else there is no name.
 *
 * Returns a function that gives the name, or undefined when the line does not declare one.
 */
export function declarationName(): () => string | undefined {
  const trace = new Error();
  let name: string | undefined | null = null;
  return () => {
    if (name === null) name = nameAtCallSite(trace);
    return name;
  };
}

/** Frames above the caller's: this file's function, then `component` itself. */
const OWN_FRAMES = 2;

function nameAtCallSite(trace: Error): string | undefined {
  const frame = trace.stack?.split("\n").slice(1 + OWN_FRAMES, 2 + OWN_FRAMES)[0];
  // `at fn (file:line:col)` or `at file:line:col`
  const at = frame && /\bat (?:.*? \()?(.+?):(\d+):(\d+)\)?\s*$/.exec(frame);
  if (!at) return undefined;
  const line = sourceLine(at[1]!, Number(at[2]));
  if (line === undefined) return undefined;
  // What precedes the call on its line: `const Counter = `, `export const Counter: Component<P> = `, `Counter = weft.`
  const before = line.slice(0, Math.max(0, Number(at[3]) - 1));
  return /([A-Za-z_$][\w$]*)\s*(?::[^=]*)?=\s*(?:[A-Za-z_$][\w$]*\.)?$/.exec(before)?.[1];
}

const sources = new Map<string, string[] | null>();

function sourceLine(file: string, line: number): string | undefined {
  let lines = sources.get(file);
  if (lines === undefined) {
    lines = readLines(file);
    sources.set(file, lines);
  }
  return lines?.[line - 1];
}

function readLines(file: string): string[] | null {
  const fs = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.("node:fs") as
    | { readFileSync(path: string, encoding: "utf8"): string }
    | undefined;
  if (!fs) return null;
  try {
    const path = file.startsWith("file://") ? decodeURIComponent(new URL(file).pathname) : file;
    return fs.readFileSync(path, "utf8").split("\n");
  } catch {
    return null;
  }
}
