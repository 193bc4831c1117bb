#!/usr/bin/env node
// The weft command. Apps and weft itself are TypeScript: tsx compiles them as Node loads them.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
