#!/usr/bin/env node
// `npm create weft@latest <dir>`. Its code is `#main` (package.json "imports"): the built
// JavaScript once installed, the TypeScript sources (through tsx) inside weft's repository.
const entry = import.meta.resolve("#main");
if (/\.[cm]?tsx?$/.test(entry)) (await import("tsx/esm/api")).register();
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
