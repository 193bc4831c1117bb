#!/usr/bin/env node
// The weft command. Its code is `#cli` (package.json "imports"): the built JavaScript in an
// installed weft; inside weft's own repository (the `@weft/source` condition, which the
// repository's .npmrc sets) the CLI's TypeScript sources, which need tsx first. Either way the
// app's own TypeScript is compiled by the command that loads it (tsx for `weft run`, Vite for
// `weft dev`), never the framework's in an installed weft.
const cli = import.meta.resolve("#cli");
if (/\.[cm]?tsx?$/.test(cli)) {
  const { register } = await import("tsx/esm/api");
  register();
  globalThis[Symbol.for("weft.typescript")] = true;
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
