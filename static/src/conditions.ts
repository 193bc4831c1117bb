/**
 * The export conditions this Node process resolves packages with (`--conditions` / `-C`, given
 * on the command line or in NODE_OPTIONS), for the Vite builds it starts: Vite's resolver does
 * not read them, and a browser bundle must resolve `weft` as the process does. Inside weft's
 * repository that is the `@weft/source` condition (its .npmrc sets it), so the worker is built
 * from the sources; in an installed weft there is none, and the bundle takes the built files.
 *
 * Read by hand: Node has no API that lists the conditions it runs with.
 */
export function processConditions(execArgv: readonly string[] = process.execArgv, nodeOptions: string | undefined = process.env.NODE_OPTIONS): string[] {
  const found: string[] = [];
  const scan = (args: readonly string[]) => {
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      const inline = /^(?:--conditions|-C)=(.+)$/.exec(arg);
      if (inline) found.push(inline[1]!);
      else if ((arg === "--conditions" || arg === "-C") && args[i + 1] !== undefined) found.push(args[++i]!);
    }
  };
  scan(nodeOptions?.split(/\s+/).filter(Boolean) ?? []);
  scan(execArgv);
  return [...new Set(found)];
}
