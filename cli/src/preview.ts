import { numberFlag, parseArgs, stringFlag, UsageError } from "./args.ts";
import { untilSignal } from "./untilSignal.ts";

/** `weft preview <dir> [--port N] [--host H]`: serves a static build as a static host would. */
export async function command(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const dir = args.positionals[0];
  if (!dir) throw new UsageError("weft preview needs the folder of a static build (what weft build --static --out wrote)", true);
  const { startPreview, PreviewError } = await import("@weft/static");
  let server;
  try {
    server = await startPreview({ dir, ...(numberFlag(args, "port") !== undefined ? { port: numberFlag(args, "port")! } : {}), ...(stringFlag(args, "host") ? { host: stringFlag(args, "host")! } : {}) });
  } catch (err) {
    if (err instanceof PreviewError) throw new UsageError(err.message);
    if ((err as { code?: string }).code === "EADDRINUSE") throw new UsageError(`port ${numberFlag(args, "port") ?? 4173} is in use; pass --port N (0 picks a free one)`);
    throw err;
  }
  console.log(`App: ${server.url}`);
  await untilSignal();
  await server.close();
  return 0;
}
