import { parseArgs, stringFlag, UsageError } from "./args.ts";
import { codeFrame } from "./codeFrame.ts";

/** `weft build <app.ts> --static --out <dir> [--base /repo/] [--name "My app"]`: a static site that runs the app in the browser. */
export async function command(argv: string[]): Promise<number> {
  const args = parseArgs(argv, new Set(["static"]));
  const file = args.positionals[0];
  if (!file) throw new UsageError("weft build needs an app file", true);
  if (args.flags.get("static") !== true) {
    throw new UsageError("weft build makes static sites only for now: add --static (the app then runs in the browser; `weft run` serves it from Node)", true);
  }
  const out = stringFlag(args, "out");
  if (!out) throw new UsageError("weft build --static needs --out <dir>, the folder to write the site to", true);
  // Loaded only here: `weft run` never loads Vite or Workbox.
  const { buildStatic, StaticBuildError } = await import("@weft/static");
  try {
    await buildStatic({ entry: file, outDir: out, ...optional("base", stringFlag(args, "base")), ...optional("name", stringFlag(args, "name")) });
  } catch (err) {
    if (err instanceof StaticBuildError) {
      const first = err.imports[0];
      const frame = first?.file ? codeFrame({ file: first.file, line: first.line, column: first.column }) : "";
      console.error(`weft build: ${err.message}${frame ? `\n\n${frame}` : ""}`);
      return 1;
    }
    throw err;
  }
  return 0;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
