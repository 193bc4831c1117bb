import { createRequire } from "node:module";

/** The installed weft's version (its package.json's). */
export function weftVersion(): string {
  return (createRequire(import.meta.url)("weft/package.json") as { version: string }).version;
}
