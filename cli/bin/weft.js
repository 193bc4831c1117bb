#!/usr/bin/env node
// The weft command from its TypeScript sources, for this repository's tests and tools (they
// spawn this file by path). What users run is weft's own bin (runtime/bin/weft.js), which
// runs the same CLI, built.
import { register } from "tsx/esm/api";

register();
globalThis[Symbol.for("weft.typescript")] = true;
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
