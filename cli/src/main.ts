import { numberFlag, parseArgs, stringFlag, UsageError } from "./args.ts";
import { runCommand } from "./run.ts";

const usage = `Usage:
  weft run <app.ts> [--port N] [--host H] [--resume-window SECONDS]
  weft dev <app.ts> [--port N] [--host H] [--record DIR]
  weft replay <recording> [--app <app.ts>]
  weft build <app.ts> --static --out <dir>`;

/** Runs the weft command; resolves with the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "run": {
        const args = parseArgs(rest);
        const app = args.positionals[0];
        if (!app) throw new UsageError("weft run needs an app file");
        const resumeWindow = numberFlag(args, "resume-window");
        return await runCommand({
          app,
          port: numberFlag(args, "port"),
          host: stringFlag(args, "host"),
          resumeWindowMs: resumeWindow === undefined ? undefined : resumeWindow * 1000,
        });
      }
      case "dev":
      case "replay":
      case "build":
        console.error(`weft ${command}: not available in this version yet`);
        return 2;
      case undefined:
      case "help":
      case "--help":
        console.log(usage);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`weft: ${err.message}\n\n${usage}`);
      return 2;
    }
    throw err;
  }
}
