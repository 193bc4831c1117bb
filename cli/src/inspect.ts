import { relative } from "node:path";
import { readRecording, RecordingError, type Recording } from "weft/testing";
import { numberFlag, parseArgs, stringFlag, UsageError } from "./args.ts";
import { untilSignal } from "./untilSignal.ts";

const usage = `Usage:
  weft inspect <recording>... [--step N] [--port N] [--host H]

Opens recordings (.weft.jsonl or .weft.jsonl.gz) in the inspector, with no app: each one's
tree at every step, its messages, causal chains and time travel. Prints the Inspector URL.
--step N opens the (first) recording at step N, as a replay's difference names it.`;

/** `weft inspect`: the inspector on recordings, like Playwright's trace viewer on a trace. */
export async function command(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ["step", "port", "host"], booleans: ["help"] }, "weft inspect");
  if (args.flags.has("help")) {
    console.log(usage);
    return 0;
  }
  if (args.positionals.length === 0) throw new UsageError(`weft inspect needs a recording\n\n${usage}`);
  const step = numberFlag(args, "step");
  if (step !== undefined && (!Number.isInteger(step) || step < 1)) throw new UsageError(`--step is a step number from 1, got ${step}`);
  const recordings: Recording[] = [];
  for (const file of args.positionals) {
    try {
      recordings.push(await readRecording(file));
    } catch (err) {
      if (err instanceof RecordingError) {
        console.error(`weft inspect: ${err.message}`);
        return 2;
      }
      throw err;
    }
  }
  const { startRecordingViewer } = await import("@weft/devserver");
  const viewer = await startRecordingViewer({ recordings, port: numberFlag(args, "port"), host: stringFlag(args, "host") });
  const first = viewer.sessions[0]!;
  const steps = first.recording?.steps.length ?? 0;
  if (step !== undefined && step > steps) {
    console.error(`weft inspect: ${relative(process.cwd(), recordings[0]!.source) || recordings[0]!.source} has ${steps} steps, not ${step}; opening it at its end`);
  }
  const url = new URL(viewer.inspectorUrl);
  url.searchParams.set("session", first.id);
  if (step !== undefined && step <= steps) url.searchParams.set("step", String(step));
  for (const [i, session] of viewer.sessions.entries()) {
    const r = session.recording!;
    console.log(`Recording: ${relative(process.cwd(), recordings[i]!.source) || recordings[i]!.source} (${r.steps.length} steps, ${session.reason})`);
  }
  console.log(`Inspector: ${url.href}`);
  await untilSignal();
  await viewer.close();
  return 0;
}
