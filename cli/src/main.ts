import { UsageError } from "./args.ts";
import { commands } from "./commands.ts";
import { commandHelp, usage } from "./help.ts";
import { weftVersion } from "./version.ts";

export type { Command } from "./commands.ts";
export { usage } from "./help.ts";

/** Runs the weft command; resolves with the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-v" || name === "version") {
    console.log(weftVersion());
    return 0;
  }
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    if (name === "help" && rest[0] !== undefined) {
      const help = commandHelp(rest[0]);
      if (!help) {
        console.error(`weft: no command '${rest[0]}'\n\n${usage()}`);
        return 2;
      }
      console.log(help);
      return 0;
    }
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  try {
    const info = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!info) throw new UsageError(`unknown command '${name}'`, true);
    if (rest.includes("--help") || rest.includes("-h")) {
      console.log(commandHelp(name));
      return 0;
    }
    const { command } = await info.load();
    return await command(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`weft: ${err.message}${err.showUsage ? `\n\n${usage()}` : ""}`);
      return 2;
    }
    throw err;
  }
}
