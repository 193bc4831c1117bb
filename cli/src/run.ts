import { relative, resolve } from "node:path";
import { showApp } from "weft/desktop";
import { createWeftServer } from "weft/server";
import { listFlag, numberFlag, parseArgs, stringFlag, UsageError } from "./args.ts";
import { loadApp } from "./loadApp.ts";
import { untilSignal } from "./untilSignal.ts";
import { viewFromArgs } from "./view.ts";

/** `weft run <app.ts>`: serves the app until SIGINT/SIGTERM, or until its desktop window is closed (`--view desktop`). */
export async function command(argv: string[]): Promise<number> {
  const args = parseArgs(argv, new Set(["no-compression", "record-gzip", "expose-errors"]));
  const file = args.positionals[0];
  if (!file) throw new UsageError("weft run needs an app file", true);
  const resumeWindow = numberFlag(args, "resume-window");
  const record = stringFlag(args, "record");
  const plan = viewFromArgs(args);
  const { main, path } = await loadApp(file);
  // Loaded only when asked for: `weft run` alone stays free of devtools.
  if (args.flags.has("record-gzip") && record === undefined) throw new UsageError("--record-gzip goes with --record DIR", true);
  const stopRecording = record !== undefined ? await startRecording(record, path, args.flags.has("record-gzip")) : undefined;
  const server = await createWeftServer({
    main,
    // A desktop window needs no well-known port: a free one, on loopback.
    port: numberFlag(args, "port") ?? (plan.gate ? 0 : undefined),
    host: plan.gate ? "127.0.0.1" : stringFlag(args, "host"),
    compression: !args.flags.has("no-compression"),
    allowedHosts: listFlag(args, "allowed-hosts"),
    // End users see a short message and a reference; the log has the rest (docs/security.md).
    exposeErrors: args.flags.get("expose-errors") === true,
    // This process is weft's: an app's async failure is its session's, not the process's end.
    handleProcessErrors: true,
    ...(resumeWindow !== undefined ? { resumeWindowMs: resumeWindow * 1000 } : {}),
    ...(plan.gate ? { gate: plan.gate } : {}),
  });
  await showApp(plan, server, { app: path, stopped: untilSignal() });
  await server.close(); // closes every session, so each recording gets its end line
  await stopRecording?.();
  return 0;
}

async function startRecording(dir: string, app: string, gzip: boolean): Promise<() => Promise<void>> {
  const { startRecorder } = await import("@weft/agent");
  const stop = startRecorder({ dir, app, gzip, onRecording: (file) => console.log(`Recording: ${relative(process.cwd(), file)}`) });
  console.log(`Recording sessions to ${resolve(dir)}`);
  return stop;
}
