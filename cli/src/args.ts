/** A tiny argv parser: positionals, `--flag value`, `--flag=value`, and boolean `--flag`. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** The flags a command takes: those with a value (`--port 8550`) and the boolean ones (`--static`). */
export interface FlagSpec {
  values: readonly string[];
  booleans?: readonly string[];
}

/**
 * Parses a command's arguments. A flag the command does not take is a usage error that names
 * it, the closest one it does take, and all of them: a misspelled `--asets dir` must not be
 * accepted and silently ignored.
 */
export function parseArgs(argv: readonly string[], spec: FlagSpec, command: string): ParsedArgs {
  const booleans = new Set(spec.booleans ?? []);
  const known = [...spec.values, ...booleans];
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const check = (name: string) => {
    if (!known.includes(name)) throw unknownFlag(command, name, known);
    return name;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    if (eq > 0) {
      flags.set(check(arg.slice(2, eq)), arg.slice(eq + 1));
    } else if (booleans.has(check(arg.slice(2))) || i + 1 >= argv.length || argv[i + 1]!.startsWith("--")) {
      flags.set(arg.slice(2), true);
    } else {
      flags.set(arg.slice(2), argv[++i]!);
    }
  }
  return { positionals, flags };
}

function unknownFlag(command: string, name: string, known: readonly string[]): UsageError {
  const near = known.map((flag) => [flag, editDistance(flag, name)] as const).sort((a, b) => a[1] - b[1])[0];
  const hint = near && near[1] <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean --${near[0]}?)` : "";
  return new UsageError(`${command} has no --${name}${hint}; its flags are ${known.map((flag) => `--${flag}`).join(", ")}`, true);
}

/** Levenshtein distance, for "did you mean": flag names are a few letters, so the table is tiny. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** A numeric flag, or a usage error naming the flag. */
export function numberFlag(args: ParsedArgs, name: string): number | undefined {
  const value = args.flags.get(name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value === true || !Number.isFinite(n)) throw new UsageError(`--${name} needs a number, got '${value === true ? "" : value}'`, true);
  return n;
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  if (value === true) throw new UsageError(`--${name} needs a value`, true);
  return value;
}

/** A comma-separated list (`--allowed-hosts a.example,.corp.example`). */
export function listFlag(args: ParsedArgs, name: string): string[] | undefined {
  const value = stringFlag(args, name);
  if (value === undefined) return undefined;
  const items = value.split(",").map((item) => item.trim()).filter((item) => item !== "");
  if (items.length === 0) throw new UsageError(`--${name} needs a comma-separated list, got '${value}'`, true);
  return items;
}

/** A mistake of the user's (a flag, a file): printed without a stack, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}
