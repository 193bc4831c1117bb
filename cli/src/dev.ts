import { relative, resolve } from "node:path";
import { showApp } from "weft/desktop";
import { assetsFromArgs } from "./assets.ts";
import { listFlag, numberFlag, parseArgs, stringFlag, UsageError } from "./args.ts";
import { untilSignal } from "./untilSignal.ts";
import { viewFromArgs } from "./view.ts";

/**
 * `weft dev <app.ts>`: serves the app under the devserver: every save is swapped into the live
 * sessions, which keep their state (docs/hot-swap.md); prints `Inspector:` and `App:` lines.
 */
export async function command(argv: string[]): Promise<number> {
  const args = parseArgs(
    argv,
    { values: ["port", "host", "view", "record", "inspector-port", "inspector-host", "allowed-hosts", "assets", "resume-window"], booleans: ["no-compression", "record-gzip", "static"] },
    "weft dev",
  );
  const file = args.positionals[0];
  if (!file) throw new UsageError("weft dev needs an app file", true);
  if (args.flags.get("static") === true) return devStatic(file, args);
  const record = stringFlag(args, "record");
  const resumeWindow = numberFlag(args, "resume-window");
  if (resumeWindow !== undefined && resumeWindow < 0) throw new UsageError("--resume-window is a number of seconds, 0 or more", true);
  const plan = await viewFromArgs(args);
  const assetsDir = assetsFromArgs(args, file);
  // Recording listens on the hook, so it starts before any tab can connect.
  if (args.flags.has("record-gzip") && record === undefined) throw new UsageError("--record-gzip goes with --record DIR", true);
  let stopRecording: (() => Promise<void>) | undefined;
  if (record !== undefined) {
    const { startRecorder } = await import("@weft/agent");
    stopRecording = startRecorder({ dir: record, app: resolve(file), gzip: args.flags.has("record-gzip"), onRecording: (f) => console.log(`Recording: ${relative(process.cwd(), f)}`) });
  }
  // Loaded only here: `weft run` never loads Vite.
  const { startDevServer, DevServerError } = await import("@weft/devserver");
  let server;
  try {
    server = await startDevServer({
      entry: file,
      ...(assetsDir !== undefined ? { assetsDir } : {}),
      port: numberFlag(args, "port") ?? (plan.gate ? 0 : undefined),
      host: plan.gate ? "127.0.0.1" : stringFlag(args, "host"),
      inspectorPort: numberFlag(args, "inspector-port"),
      inspectorHost: stringFlag(args, "inspector-host"),
      allowedHosts: listFlag(args, "allowed-hosts"),
      handleProcessErrors: true,
      ...(plan.gate ? { gate: plan.gate } : {}),
      compression: !args.flags.has("no-compression"),
      ...(resumeWindow !== undefined ? { resumeWindowMs: resumeWindow * 1000 } : {}),
    });
  } catch (err) {
    await stopRecording?.();
    if (err instanceof DevServerError) throw new UsageError(err.message, true);
    throw err;
  }
  if (record !== undefined) console.log(`Recording sessions to ${resolve(record)}`);
  // The devserver printed the App line; a desktop window stays open across every swap.
  if (server.app) await showApp(plan, server.app, { app: resolve(file), stopped: untilSignal(), printUrl: false });
  else if (plan.view !== "web") {
    // A server module (docs/mounting.md) serves its own pages, on its own servers.
    await server.close();
    throw new UsageError(`--view ${plan.view} is for an app module: ${file} is a server module that mounts its apps with createWeft(); open its App URL`, true);
  } else await untilSignal();
  await server.close(); // every session closes, so each recording gets its end line
  await stopRecording?.();
  // The app's own handles (a database client, a timer weft did not start) must not keep
  // `weft dev` alive after Ctrl+C.
  setTimeout(() => process.exit(0), 1000).unref();
  return 0;
}

/**
 * `weft dev <app.ts> --static`: the app runs in the browser tab's worker, as `weft build
 * --static` ships it, with the same hot swap and inspector.
 */
async function devStatic(file: string, args: ReturnType<typeof parseArgs>): Promise<number> {
  for (const flag of ["view", "record", "record-gzip", "no-compression"]) {
    if (args.flags.has(flag)) throw new UsageError(`--${flag} is not available with --static: the app runs in the browser tab, not in this process`, true);
  }
  const { startStaticDevServer } = await import("@weft/devserver");
  let server;
  try {
    server = await startStaticDevServer({
      entry: file,
      ...(numberFlag(args, "port") !== undefined ? { port: numberFlag(args, "port")! } : {}),
      ...(stringFlag(args, "host") ? { host: stringFlag(args, "host")! } : {}),
      ...(numberFlag(args, "inspector-port") !== undefined ? { inspectorPort: numberFlag(args, "inspector-port")! } : {}),
      ...(stringFlag(args, "inspector-host") ? { inspectorHost: stringFlag(args, "inspector-host")! } : {}),
    });
  } catch (err) {
    if ((err as { code?: string }).code === "EADDRINUSE") throw new UsageError(`port ${numberFlag(args, "port") ?? 8550} is in use; pass --port N (0 picks a free one)`);
    if (err instanceof Error && err.message.startsWith("no app at")) throw new UsageError(err.message);
    throw err;
  }
  await untilSignal();
  await server.close();
  setTimeout(() => process.exit(0), 1000).unref();
  return 0;
}
