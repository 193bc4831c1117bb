import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { defaultTestPath, emitTest, readRecording, RecordingError, replay, type ReplayResult } from "weft/testing";
import { parseArgs, stringFlag, UsageError } from "./args.ts";
import { loadApp } from "./loadApp.ts";

const usage = `Usage:
  weft replay <recording|dir>... [--app <app.ts>] [--keep-going]
  weft replay <recording> --emit-test [--out <file.test.ts>]

Replays recorded sessions headlessly against their app. The app defaults to the one the
recording's header names, relative to the recording's directory.

Exit codes: 0 the app behaves as recorded; 1 it does not (the differences are printed);
2 a recording cannot be replayed (truncated, another format version, another app…).`;

/** `weft replay`: replays recordings as tests, or turns one into a Vitest file. */
export async function command(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, { values: ["app", "out"], booleans: ["emit-test", "keep-going", "help"] }, "weft replay");
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError(`${err.message}\n\n${usage}`);
    throw err;
  }
  if (args.flags.has("help")) {
    console.log(usage);
    return 0;
  }
  const app = stringFlag(args, "app");
  const out = stringFlag(args, "out");
  const emit = args.flags.has("emit-test");
  const keepGoing = args.flags.has("keep-going");
  if (args.positionals.length === 0) throw new UsageError(`weft replay needs a recording\n\n${usage}`);
  if (out !== undefined && !emit) throw new UsageError("--out goes with --emit-test");

  let files: string[];
  try {
    files = args.positionals.flatMap(expand);
  } catch (err) {
    console.error(`weft replay: ${(err as Error).message}`);
    return 2;
  }
  if (emit && files.length !== 1) throw new UsageError("--emit-test takes exactly one recording");

  let code = 0;
  let failed = 0;
  for (const file of files) {
    const result = await replayFile(file, { app, keepGoing, emit, out });
    if (result !== 0) failed++;
    code = Math.max(code, result);
  }
  if (files.length > 1) {
    console.log(failed === 0 ? `all ${files.length} recordings replayed as recorded` : `${failed} of ${files.length} recordings did not replay as recorded`);
  }
  return code;
}

/** A recording, or every `*.jsonl` and `*.jsonl.gz` recording in a directory. */
function expand(path: string): string[] {
  if (!existsSync(path)) throw new Error(`no recording at ${path}`);
  if (!statSync(path).isDirectory()) return [path];
  const found = readdirSync(path)
    .filter((name) => name.endsWith(".jsonl") || name.endsWith(".jsonl.gz"))
    .sort()
    .map((name) => join(path, name));
  if (found.length === 0) throw new Error(`${path} holds no recordings (*.jsonl, *.jsonl.gz)`);
  return found;
}

/** The command that opens `file` in the inspector at `step` (relative to where the user is). */
function inspectCommand(file: string, step: number): string {
  const path = relative(process.cwd(), resolve(file)) || file;
  return `npx weft inspect ${/^[\w@%+=:,./-]+$/.test(path) ? path : JSON.stringify(path)} --step ${step}`;
}

interface ReplayFileOptions {
  app: string | undefined;
  keepGoing: boolean;
  emit: boolean;
  out: string | undefined;
}

async function replayFile(file: string, options: ReplayFileOptions): Promise<number> {
  const shown = (path: string) => relative(process.cwd(), path) || path;
  let result: ReplayResult;
  let appPath: string;
  try {
    const recording = await readRecording(file);
    appPath = options.app !== undefined ? resolve(options.app) : resolve(dirname(resolve(file)), recording.header.app);
    if (!existsSync(appPath)) {
      throw new RecordingError(
        "NO_APP",
        options.app !== undefined
          ? `no app at ${appPath}`
          : `${file} names its app "${recording.header.app}" (relative to the recording), but there is no ${shown(appPath)}. Pass --app <app.ts>.`,
      );
    }
    await loadApp(appPath, { importableAgain: true }); // a syntax error or a missing default export, said with file:line and a code frame
    result = await replay(recording, { app: appPath, keepGoing: options.keepGoing }); // imports the same module again, from the cache
  } catch (err) {
    if (err instanceof RecordingError || err instanceof UsageError) {
      console.error(`weft replay: ${err.message}`);
      return 2;
    }
    // Not the file's fault and not the app's: still no stack unless asked for.
    console.error(`weft replay: ${file}: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.WEFT_DEBUG) console.error((err as Error).stack);
    else console.error("(set WEFT_DEBUG=1 to see where)");
    return 2;
  }

  const ms = Math.round(result.ms);
  if (result.ok) {
    console.log(`✓ ${shown(file)}: ${result.steps} steps replayed as recorded against ${shown(appPath)} (${ms} ms)`);
  } else {
    console.log(`✗ ${shown(file)}: the app does not behave as recorded (${result.steps} of ${result.totalSteps} steps replayed against ${shown(appPath)}, ${ms} ms)`);
    for (const difference of result.differences) console.log(`  ${difference.message}`);
    if (result.steps < result.totalSteps) console.log("  (stopped at the first step that differs; --keep-going replays every step)");
    const step = result.differences[0]?.step;
    if (step !== undefined) console.log(`  open the recording at that step in the inspector: ${inspectCommand(file, step)}`);
  }
  for (const note of result.notes) console.log(`  note: ${note}`);

  if (options.emit) {
    if (!result.ok) {
      console.error("weft replay: not writing a test: the app does not behave as recorded. Fix the app or record the session again.");
      return 1;
    }
    const out = resolve(options.out ?? defaultTestPath(resolve(file)));
    writeFileSync(out, emitTest({ recording: resolve(file), app: appPath, out, tree: result.tree, steps: result.totalSteps }));
    console.log(`wrote ${shown(out)}`);
  }
  return result.ok ? 0 : 1;
}
