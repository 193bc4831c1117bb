#!/usr/bin/env node
// Builds the `weft` package's dist/ (the `prepack` script of runtime/package.json). A tool of
// this repository: TypeScript source through tsx, like the rest of the repository's tooling.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
