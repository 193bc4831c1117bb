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
  const { main } = await loadApp(file);
  const server = await createWeftServer({
    main,
    port: numberFlag(args, "port"),
    host: stringFlag(args, "host"),
    ...(resumeWindow !== undefined ? { resumeWindowMs: resumeWindow * 1000 } : {}),
  });
  console.log(`App: ${server.url}`);
  await untilSignal();
  await server.close();
  return 0;
}
