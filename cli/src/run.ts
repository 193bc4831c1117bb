import { relative, resolve } from "node:path";
import { createWeftServer } from "weft/server";
import { numberFlag, parseArgs, stringFlag, UsageError } from "./args.ts";
import { loadApp } from "./loadApp.ts";
import { untilSignal } from "./untilSignal.ts";

/** `weft run <app.ts>`: serves the app until SIGINT/SIGTERM. */
export async function command(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const file = args.positionals[0];
  if (!file) throw new UsageError("weft run needs an app file", true);
  const resumeWindow = numberFlag(args, "resume-window");
  const record = stringFlag(args, "record");
  const { main, path } = await loadApp(file);
  // Loaded only when asked for: `weft run` alone stays free of devtools.
  const stopRecording = record !== undefined ? await startRecording(record, path) : undefined;
  const server = await createWeftServer({
    main,
    port: numberFlag(args, "port"),
    host: stringFlag(args, "host"),
    ...(resumeWindow !== undefined ? { resumeWindowMs: resumeWindow * 1000 } : {}),
  });
  console.log(`App: ${server.url}`);
  await untilSignal();
  await server.close(); // closes every session, so each recording gets its end line
  stopRecording?.();
  return 0;
}

async function startRecording(dir: string, app: string): Promise<() => void> {
  const { startRecorder } = await import("@weft/agent");
  const stop = startRecorder({ dir, app, onRecording: (file) => console.log(`Recording: ${relative(process.cwd(), file)}`) });
  console.log(`Recording sessions to ${resolve(dir)}`);
  return stop;
}
