import { relative, resolve } from "node:path";
import { createWeftServer } from "weft/server";
import { assetsFromArgs } from "./assets.ts";
import { listFlag, numberFlag, parseArgs, stringFlag, UsageError } from "./args.ts";
import { loadApp } from "./loadApp.ts";
import { scaleFromArgs } from "./scale.ts";
import { untilSignal } from "./untilSignal.ts";
import { showView, viewFromArgs } from "./view.ts";
import { releaseYoungGeneration } from "./youngGeneration.ts";

/**
 * `weft run <app.ts>`: serves the app until SIGINT, SIGTERM (a graceful drain: docs/scaling.md),
 * or until its desktop window is closed (`--view desktop`).
 */
export async function command(argv: string[]): Promise<number> {
  const args = parseArgs(
    argv,
    {
      values: ["port", "host", "view", "resume-window", "record", "allowed-hosts", "assets", "redis", "redis-channel", "drain-timeout"],
      booleans: ["no-compression", "record-gzip", "expose-errors", "metrics"],
    },
    "weft run",
  );
  const file = args.positionals[0];
  if (!file) throw new UsageError("weft run needs an app file", true);
  const resumeWindow = numberFlag(args, "resume-window");
  const record = stringFlag(args, "record");
  const plan = await viewFromArgs(args);
  const scale = scaleFromArgs(args);
  const { main, path } = await loadApp(file);
  const assetsDir = assetsFromArgs(args, path);
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
    ...(assetsDir !== undefined ? { assetsDir } : {}),
    // End users see a short message and a reference; the log has the rest (docs/security.md).
    exposeErrors: args.flags.get("expose-errors") === true,
    // This process is weft's: an app's async failure is its session's, not the process's end.
    handleProcessErrors: true,
    ...(resumeWindow !== undefined ? { resumeWindowMs: resumeWindow * 1000 } : {}),
    ...(plan.gate ? { gate: plan.gate } : {}),
    ...scale.server,
  });
  releaseYoungGeneration(); // started: V8 sizes it for the traffic from here (youngGeneration.ts)
  if (scale.server.metrics) console.log(`Metrics: ${server.url}metrics`);
  let signal: NodeJS.Signals | null = null;
  await showView(plan, server, { app: path, stopped: untilSignal().then((s) => (signal = s)) });
  if (signal === "SIGTERM") {
    // A second signal while draining means "now".
    const now = () => process.exit(1);
    process.once("SIGTERM", now).once("SIGINT", now);
    console.log(`weft: SIGTERM: draining ${server.manager.sessions.size} sessions`);
    const report = await server.drain(scale.drainTimeoutMs !== undefined ? { timeoutMs: scale.drainTimeoutMs } : {});
    const unfinished = report.unfinished ? `; ${report.unfinished} still had handlers running at the bound (--drain-timeout)` : "";
    console.log(`weft: drained in ${Math.round(report.ms)} ms: ${report.tabs} tabs sent to reconnect, ${report.sessions} sessions closed${unfinished}`);
  } else {
    await server.close(); // closes every session, so each recording gets its end line
  }
  await stopRecording?.();
  // The app's own handles (a database client, a timer weft did not start) must not keep the
  // process from exiting once every session is closed.
  setTimeout(() => process.exit(0), 1000).unref();
  return 0;
}

async function startRecording(dir: string, app: string, gzip: boolean): Promise<() => Promise<void>> {
  const { startRecorder } = await import("@weft/agent");
  const stop = startRecorder({ dir, app, gzip, onRecording: (file) => console.log(`Recording: ${relative(process.cwd(), file)}`) });
  console.log(`Recording sessions to ${resolve(dir)}`);
  return stop;
}
